// Starts kinesalite (a local Amazon Kinesis emulator) on the loopback interface only.
//
// kinesalite's own command line has no host option and listens on every interface, so this script
// uses its JavaScript API instead. Options (all optional):
//   --port N          TCP port on 127.0.0.1; 0 (the default) picks a free one
//   --shard-limit N   how many shards all streams may have together (kinesalite's default is 10)
// It adds what kinesalite lacks of today's Kinesis API: UpdateMaxRecordSize (a stream's largest record, 1024 to
// 10240 KiB), which DescribeStreamSummary then reports as MaxRecordSizeInKiB (1024 for the others). PutRecords takes
// records up to the largest limit any stream was given (kinesalite checks one limit for all streams; its requests
// stay within 7 MiB, so records of up to about 5 MiB get through).
// Once listening it prints one line, `kinesalite listening on 127.0.0.1:<port>`, which the Java side
// waits for. It exits when its standard input closes, so it never outlives the process that started it.
'use strict'

const kinesalite = require('kinesalite')
const putRecordsRules = require('kinesalite/validations/putRecords')

const TARGET = 'Kinesis_20131202.'
const DEFAULT_MAX_RECORD_KIB = 1024
const maxRecordKiB = new Map() // stream name -> its MaxRecordSizeInKiB, when raised

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
const kinesaliteHandler = server.listeners('request')[0]
server.removeAllListeners('request')
server.on('request', (req, res) => {
  const target = String(req.headers['x-amz-target'] || '')
  if (target === TARGET + 'UpdateMaxRecordSize') {
    withJsonBody(req, (body) => updateMaxRecordSize(body, res))
  } else if (target === TARGET + 'DescribeStreamSummary') {
    // both read the body: kinesalite to answer, this to know which stream its answer is about
    let request = ''
    req.on('data', (chunk) => { request += chunk })
    reportMaxRecordSize(res, () => request)
    kinesaliteHandler(req, res)
  } else {
    kinesaliteHandler(req, res)
  }
})

function withJsonBody(req, then) {
  let body = ''
  req.on('data', (chunk) => { body += chunk })
  req.on('end', () => {
    try {
      then(JSON.parse(body))
    } catch (e) {
      then(null)
    }
  })
}

function streamOf(request) {
  if (request == null) return null
  if (request.StreamName) return request.StreamName
  const arn = String(request.StreamARN || '')
  return arn.includes(':stream/') ? arn.slice(arn.indexOf(':stream/') + ':stream/'.length) : null
}

function answer(res, status, body) {
  const text = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/x-amz-json-1.1')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(text)
}

function updateMaxRecordSize(request, res) {
  const stream = streamOf(request)
  const kib = request && request.MaxRecordSizeInKiB
  if (stream == null || !Number.isInteger(kib) || kib < 1024 || kib > 10240) {
    return answer(res, 400, { __type: 'ValidationException', message: 'UpdateMaxRecordSize takes a StreamARN and '
      + 'a MaxRecordSizeInKiB of 1024 to 10240 (a JSON request)' })
  }
  maxRecordKiB.set(stream, kib)
  const largest = Math.max(DEFAULT_MAX_RECORD_KIB, ...maxRecordKiB.values())
  putRecordsRules.types.Records.children.children.Data.lengthLessThanOrEqual = largest * 1024
  answer(res, 200, {})
}

// adds MaxRecordSizeInKiB to kinesalite's answer, as AWS gives it
function reportMaxRecordSize(res, request) {
  const end = res.end
  res.end = function (body, ...rest) {
    if (res.statusCode === 200 && body != null) {
      try {
        const answer = JSON.parse(body.toString())
        const stream = streamOf(JSON.parse(request()))
        answer.StreamDescriptionSummary.MaxRecordSizeInKiB = maxRecordKiB.get(stream) || DEFAULT_MAX_RECORD_KIB
        body = JSON.stringify(answer)
        res.setHeader('Content-Length', Buffer.byteLength(body))
      } catch (e) {
        // not an answer of JSON (CBOR): left as kinesalite gave it
      }
    }
    return end.call(this, body, ...rest)
  }
}

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
