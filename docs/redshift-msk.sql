-- Reading the Transaction Stream Simulator's Kafka topic on Amazon MSK in Amazon Redshift with streaming ingestion
-- (publish.sink=kafka). docs/redshift.sql does the same for a Kinesis stream; the example queries there work on the
-- view made here too.
--
-- Each Kafka record is one transaction as a JSON object, its key the customer id (publish.partitionKeyColumn):
--   {"TRANSACTION_ID":270950402064697008,"TX_DATETIME":"2026-11-01 00:00:02","CUSTOMER_ID":64697,
--    "TERMINAL_ID":46500,"TX_AMOUNT":25.56,"TX_TIME_SECONDS":270950402,"TX_TIME_DAYS":3136,"TX_FRAUD":0,
--    "TX_FRAUD_SCENARIO":0}
-- (docs/data.md describes every column.)
--
-- Replace REGION, ACCOUNT_ID, the role name, the cluster's ARN and the topic (kafka.topic) with yours. Redshift
-- reaches the brokers over the network: the cluster or workgroup needs a route to them and the brokers' security
-- group must let it in on the IAM port (9098).
--
-- The IAM role of the external schema, associated with the cluster or workgroup, needs (AUTHENTICATION iam):
--   on the cluster (arn:aws:kafka:REGION:ACCOUNT_ID:cluster/CLUSTER_NAME/*): kafka-cluster:Connect
--   on the topic (arn:aws:kafka:REGION:ACCOUNT_ID:topic/CLUSTER_NAME/*/transactions):
--     kafka-cluster:DescribeTopic, kafka-cluster:ReadData
--   on every cluster ("Resource": "*"): kafka:GetBootstrapBrokers
-- The producer's own policy is deploy/iam-policy-msk.json.

-- 1. The cluster, seen as an external schema, with IAM authentication.
CREATE EXTERNAL SCHEMA transaction_topic
FROM MSK
IAM_ROLE 'arn:aws:iam::ACCOUNT_ID:role/RedshiftStreamingIngestion'
AUTHENTICATION iam
CLUSTER_ARN 'arn:aws:kafka:REGION:ACCOUNT_ID:cluster/CLUSTER_NAME/CLUSTER_UUID';

-- 2. The records, each value parsed once into SUPER as it arrives, refreshed automatically. A record that is not JSON
--    is left out rather than failing the refresh. The record's keys are upper case (TRANSACTION_ID, ...): views take
--    the case sensitivity in force when they are created, so turn it on first, and set
--    enable_case_sensitive_super_attribute to true in the cluster's or workgroup's parameter group too, which the
--    auto refresh uses.
SET enable_case_sensitive_super_attribute TO true;

CREATE MATERIALIZED VIEW transaction_records
DISTKEY(kafka_key)
SORTKEY(kafka_timestamp)
AUTO REFRESH YES
AS
SELECT
    kafka_timestamp,
    FROM_VARBYTE(kafka_key, 'utf-8') AS kafka_key,
    kafka_partition,
    kafka_offset,
    JSON_PARSE(kafka_value) AS payload
FROM transaction_topic."transactions"
WHERE CAN_JSON_PARSE(kafka_value);

-- 3. One typed column per field, read from the SUPER value: a field that is missing or of the wrong type gives
--    NULL (Redshift's lax navigation and casts), never a failed query. (Keep the column list in step with
--    docs/data.md: a test compares it with the record schema.)
CREATE VIEW transactions AS
SELECT
    kafka_timestamp,
    kafka_key,
    kafka_partition,
    kafka_offset,
    payload.TRANSACTION_ID::BIGINT AS transaction_id,
    payload.TX_DATETIME::TIMESTAMP AS tx_datetime,
    payload.CUSTOMER_ID::BIGINT AS customer_id,
    payload.TERMINAL_ID::BIGINT AS terminal_id,
    payload.TX_AMOUNT::DECIMAL(12,2) AS tx_amount,
    payload.TX_TIME_SECONDS::BIGINT AS tx_time_seconds,
    payload.TX_TIME_DAYS::INTEGER AS tx_time_days,
    payload.TX_FRAUD::SMALLINT AS tx_fraud,
    payload.TX_FRAUD_SCENARIO::SMALLINT AS tx_fraud_scenario
FROM transaction_records;

-- 5. Labels that arrive later (labels.mode=delayed; docs/data.md, "Label events"): the label stream, parsed once as
--    the transactions are, and one typed column per field. Fraud labels and the days' settlement markers share it.
CREATE MATERIALIZED VIEW label_records
DISTKEY(kafka_key)
SORTKEY(kafka_timestamp)
AUTO REFRESH YES
AS
SELECT
    kafka_timestamp,
    FROM_VARBYTE(kafka_key, 'utf-8') AS kafka_key,
    kafka_partition,
    kafka_offset,
    JSON_PARSE(kafka_value) AS payload
FROM transaction_topic."transaction-labels"
WHERE CAN_JSON_PARSE(kafka_value);

CREATE VIEW labels AS
SELECT
    kafka_timestamp,
    kafka_key,
    kafka_partition,
    kafka_offset,
    payload.LABEL_TYPE::VARCHAR(8) AS label_type,
    payload.TRANSACTION_ID::BIGINT AS transaction_id,
    payload.TX_DATETIME::TIMESTAMP AS tx_datetime,
    payload.CUSTOMER_ID::BIGINT AS customer_id,
    payload.TERMINAL_ID::BIGINT AS terminal_id,
    payload.TX_FRAUD::SMALLINT AS tx_fraud,
    payload.TX_FRAUD_SCENARIO::SMALLINT AS tx_fraud_scenario,
    payload.LABEL_KNOWN_AT::TIMESTAMP AS label_known_at,
    payload.LABEL_SOURCE::VARCHAR(20) AS label_source,
    payload.SETTLED_BEFORE::TIMESTAMP AS settled_before
FROM label_records;

-- 5a. Each transaction with its label as known at a moment (here 2026-12-01 00:00:00; a BI tool's parameter):
--     fraud once its fraud label is known, genuine once its day's settlement marker is known and no fraud label is,
--     otherwise not known yet. A fraud label known later turns a genuine one into fraud, as at an issuer.
CREATE VIEW labels_known_at_20261201 AS
SELECT
    t.transaction_id,
    t.tx_datetime,
    t.customer_id,
    t.terminal_id,
    t.tx_amount,
    CASE
        WHEN f.transaction_id IS NOT NULL THEN 'fraud'
        WHEN s.settled_before IS NOT NULL THEN 'genuine'
        ELSE 'not known yet'
    END AS label_as_known
FROM transactions t
LEFT JOIN labels f
    ON f.label_type = 'FRAUD' AND f.transaction_id = t.transaction_id
   AND f.label_known_at <= '2026-12-01 00:00:00'
LEFT JOIN (SELECT DISTINCT settled_before FROM labels
           WHERE label_type = 'SETTLED' AND label_known_at <= '2026-12-01 00:00:00') s
    ON s.settled_before = DATEADD(day, 1, TRUNC(t.tx_datetime));

-- 5b. The handbook's training set (section 5.2): a week of transactions ending a delay period of 7 days before the
--     test week starts (here 2026-12-01), each labelled as known then; a transaction whose fraud is not known yet
--     counts as genuine, as the handbook's issuer must assume.
SELECT
    t.transaction_id,
    t.tx_datetime,
    t.customer_id,
    t.terminal_id,
    t.tx_amount,
    CASE WHEN f.transaction_id IS NOT NULL THEN 1 ELSE 0 END AS tx_fraud_known
FROM transactions t
LEFT JOIN labels f
    ON f.label_type = 'FRAUD' AND f.transaction_id = t.transaction_id
   AND f.label_known_at < '2026-12-01 00:00:00'
WHERE t.tx_datetime >= DATEADD(day, -14, '2026-12-01 00:00:00')
  AND t.tx_datetime < DATEADD(day, -7, '2026-12-01 00:00:00');

-- 5c. How late the labels come: the share of each day's frauds known within 1, 7 and 30 days (docs/data.md gives the
--     model's 5.4%, 63.2% and 96.3% for a case's first fraud).
SELECT
    tx_datetime::DATE AS day,
    COUNT(*) AS frauds_labelled,
    ROUND(100.0 * SUM(CASE WHEN label_known_at <= DATEADD(day, 1, tx_datetime) THEN 1 ELSE 0 END) / COUNT(*), 1)
        AS known_within_1_day_pct,
    ROUND(100.0 * SUM(CASE WHEN label_known_at <= DATEADD(day, 7, tx_datetime) THEN 1 ELSE 0 END) / COUNT(*), 1)
        AS known_within_7_days_pct,
    ROUND(100.0 * SUM(CASE WHEN label_known_at <= DATEADD(day, 30, tx_datetime) THEN 1 ELSE 0 END) / COUNT(*), 1)
        AS known_within_30_days_pct
FROM labels
WHERE label_type = 'FRAUD'
GROUP BY 1
ORDER BY 1;
