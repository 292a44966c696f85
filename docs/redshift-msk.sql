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
