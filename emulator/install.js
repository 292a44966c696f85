// Installs the local servers, each only when its inputs changed since it was last installed here, so that a build
// that changed nothing of them (every 'mvn -q compile exec:java' after the first) spends no time on them:
//   - the Kinesis emulator: 'npm ci' from package-lock.json into emulator/node_modules;
//   - the Kafka broker: its own Maven build (emulator/kafka/pom.xml) into emulator/kafka/lib.
// Each install leaves a stamp, the SHA-256 of its inputs, beside what it installed; a missing or different stamp, or a
// missing result, installs again. The project's build (pom.xml, install-emulators) runs this with Node.js:
//   node emulator/install.js --npm=npm --mvn=/path/to/mvn --maven-repo=~/.m2/repository --offline=false
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const options = Object.fromEntries(process.argv.slice(2).map((arg) => {
  const [key, ...value] = arg.replace(/^--/, '').split('=');
  return [key, value.join('=')];
}));
const emulator = __dirname;

/** The SHA-256 of the files' names and contents, folders walked in name order. */
function digest(files) {
  const hash = crypto.createHash('sha256');
  const add = (file) => {
    if (fs.statSync(file).isDirectory()) {
      fs.readdirSync(file).sort().forEach((name) => add(path.join(file, name)));
    } else {
      hash.update(path.relative(emulator, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  };
  files.forEach(add);
  return hash.digest('hex');
}

/** Runs the install unless the stamp says its inputs are the ones installed; then writes the stamp. */
function installOnce(name, inputs, result, stamp, command, args, cwd) {
  const wanted = digest(inputs);
  if (fs.existsSync(result) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === wanted) {
    return;
  }
  console.log(`Installing ${name} (${[path.basename(command), ...args.slice(0, 1)].join(' ')} in ${path.relative(process.cwd(), cwd) || '.'})`);
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error || run.status !== 0) {
    process.stderr.write(`${run.stdout || ''}${run.stderr || ''}`);
    console.error(`Installing ${name} failed: ${run.error ? run.error.message : `${command} exited with status ${run.status}`}`);
    process.exit(1);
  }
  fs.writeFileSync(stamp, `${wanted}\n`);
}

const kinesis = path.join(emulator, 'node_modules');
installOnce('the Kinesis emulator', [path.join(emulator, 'package.json'), path.join(emulator, 'package-lock.json')],
  path.join(kinesis, 'kinesalite'), path.join(kinesis, '.txsim-installed'),
  options.npm || 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], emulator);

const kafka = path.join(emulator, 'kafka');
installOnce('the Kafka broker', ['pom.xml', 'log4j2.properties', 'src'].map((name) => path.join(kafka, name)),
  path.join(kafka, 'lib', 'loopback-kafka.jar'), path.join(kafka, 'lib', '.txsim-installed'),
  options.mvn || 'mvn', ['package', '--batch-mode', '--no-transfer-progress', '--quiet',
    ...(options['maven-repo'] ? [`-Dmaven.repo.local=${options['maven-repo']}`] : []),
    ...(options.offline === 'true' ? ['--offline'] : [])], kafka);
