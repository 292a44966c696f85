package io.github.txsim.app;

/** What {@code java -jar transaction-stream-simulator.jar --help} prints: the commands and the main settings. */
final class ApplicationHelp {

    static final String TEXT = """
            Usage: java [-Dkey=value ...] -jar transaction-stream-simulator.jar [COMMAND] [--help]

            Synthetic card payments (the Fraud Detection Handbook's model) streamed into Amazon Kinesis Data Streams.

            Without a command it runs the application: it generates each day's CSV file into the source folder,
            publishes every row of every file there as one JSON record (PutRecords), and archives each file once
            all its rows are acknowledged. By default it runs once against a local Kinesis emulator and exits.

            Commands:
              generate   write daily files into a folder, without Camel or Kinesis ('generate --help')
              verify     read the stream back and reconcile it with files ('verify --help')
              report     write an HTML report of transaction files against the model ('report --help')

            Main settings (application.properties in the working directory, the built-in copy for the rest; a file
            of your own above them with -Dapp.settingsFile=FILE; each key can also be set as an environment
            variable, kinesis.streamName as KINESIS_STREAM_NAME, and above all as -Dkey=value):
              app.runOnce=true                 false runs as a service: a new file each day, the folder watched
              kinesis.local.enabled=true       false publishes to AWS (credentials from the default chain)
              kinesis.streamName=transactions  the stream
              simulator.customers=50000        the population (up to 100,000,000), simulator.terminals=100000
              simulator.partition=0/1          i/n: this producer's share of the customers, for n producers
              publish.pacing=max               max, realtime, a speed-up factor such as 60, or rate:N records/s
              folders.source=data/source       and folders.archive, folders.failed, folders.checkpoints,
                                               folders.reports (each generated day's HTML report)

            Every setting: docs/configuration.md. Operations, scaling out, troubleshooting: docs/operations.md.
            """;

    private ApplicationHelp() {
    }
}
