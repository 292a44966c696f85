// Starts kinesalite (a local Amazon Kinesis emulator) on the loopback interface only.
//
// kinesalite's own command line has no host option and listens on every interface, so this script
// uses its JavaScript API instead. Options (all optional):
//   --port N          TCP port on 127.0.0.1; 0 (the default) picks a free one
//   --shard-limit N   how many shards all streams may have together (kinesalite's default is 10)
// Once listening it prints one line, `kinesalite listening on 127.0.0.1:<port>`, which the Java side
// waits for. It exits when its standard input closes, so it never outlives the process that started it.
'use strict'

const kinesalite = require('kinesalite')

function option(name, fallback) {
  const i = process.argv.indexOf(name)
  if (i < 0) return fallback
  const value = Number(process.argv[i + 1])
  if (!Number.isInteger(value) || value < 0) {
    console.error(`invalid value for ${name}: ${process.argv[i + 1]}`)
    process.exit(2)
  }
  return value
}

const port = option('--port', 0)
const shardLimit = option('--shard-limit', 100)

const server = kinesalite({ createStreamMs: 10, deleteStreamMs: 10, updateStreamMs: 10, shardLimit })
server.on('error', (err) => {
  console.error(`kinesalite could not listen on 127.0.0.1:${port}: ${err.message}`)
  process.exit(1)
})
server.listen(port, '127.0.0.1', () => {
  console.log(`kinesalite listening on 127.0.0.1:${server.address().port}`)
})

process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.on('SIGTERM', () => process.exit(0))
process.on('SIGINT', () => process.exit(0))
