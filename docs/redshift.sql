-- Reading the Transaction Stream Simulator's stream in Amazon Redshift with streaming ingestion.
--
-- Each Kinesis record is one transaction as a JSON object (never KPL-aggregated), so Redshift reads it as it is:
--   {"TRANSACTION_ID":270950402064697008,"TX_DATETIME":"2026-11-01 00:00:02","CUSTOMER_ID":64697,
--    "TERMINAL_ID":46500,"TX_AMOUNT":25.56,"TX_TIME_SECONDS":270950402,"TX_TIME_DAYS":3136,"TX_FRAUD":0,
--    "TX_FRAUD_SCENARIO":0}
-- (docs/data.md describes every column.)
--
-- Replace ACCOUNT_ID, the role name and the stream name (kinesis.streamName) with yours. The role needs
-- kinesis:DescribeStreamSummary, kinesis:GetShardIterator, kinesis:GetRecords, kinesis:ListShards and
-- kinesis:DescribeStream on the stream, and must be associated with the cluster or workgroup.

-- 1. The stream, seen as an external schema.
CREATE EXTERNAL SCHEMA transaction_stream
FROM KINESIS
IAM_ROLE 'arn:aws:iam::ACCOUNT_ID:role/RedshiftStreamingIngestion';

-- 2. One row per transaction, in typed columns, refreshed automatically as records arrive.
--    (Keep the column list in step with docs/data.md: a test compares it with the record schema.)
--    json_extract_path_text parses the record once per column; at about 250 bytes a record and nine columns that
--    is cheap. For much wider records, AWS suggests storing JSON_PARSE(kinesis_data) as SUPER in the
--    materialized view and extracting the fields with PartiQL in a view on top of it.
CREATE MATERIALIZED VIEW transactions
DISTKEY(customer_id)
SORTKEY(tx_datetime)
AUTO REFRESH YES
AS
SELECT
    approximate_arrival_timestamp,
    partition_key,
    shard_id,
    sequence_number,
    json_extract_path_text(from_varbyte(kinesis_data, 'utf-8'), 'TRANSACTION_ID')::BIGINT AS transaction_id,
    json_extract_path_text(from_varbyte(kinesis_data, 'utf-8'), 'TX_DATETIME')::TIMESTAMP AS tx_datetime,
    json_extract_path_text(from_varbyte(kinesis_data, 'utf-8'), 'CUSTOMER_ID')::BIGINT AS customer_id,
    json_extract_path_text(from_varbyte(kinesis_data, 'utf-8'), 'TERMINAL_ID')::BIGINT AS terminal_id,
    json_extract_path_text(from_varbyte(kinesis_data, 'utf-8'), 'TX_AMOUNT')::DECIMAL(12,2) AS tx_amount,
    json_extract_path_text(from_varbyte(kinesis_data, 'utf-8'), 'TX_TIME_SECONDS')::BIGINT AS tx_time_seconds,
    json_extract_path_text(from_varbyte(kinesis_data, 'utf-8'), 'TX_TIME_DAYS')::INTEGER AS tx_time_days,
    json_extract_path_text(from_varbyte(kinesis_data, 'utf-8'), 'TX_FRAUD')::SMALLINT AS tx_fraud,
    json_extract_path_text(from_varbyte(kinesis_data, 'utf-8'), 'TX_FRAUD_SCENARIO')::SMALLINT AS tx_fraud_scenario
FROM transaction_stream."transactions"
WHERE can_json_parse(kinesis_data);

-- 3. Example fraud queries.

-- 3a. Fraud rate per day, and the share of each scenario (1: amount over 220; 2: compromised terminal;
--     3: compromised customer). The simulator's default mix is below 1% in all.
SELECT
    tx_datetime::DATE AS day,
    COUNT(*) AS transactions,
    SUM(tx_fraud) AS frauds,
    ROUND(100.0 * SUM(tx_fraud) / COUNT(*), 3) AS fraud_pct,
    SUM(CASE WHEN tx_fraud_scenario = 1 THEN 1 ELSE 0 END) AS scenario_1,
    SUM(CASE WHEN tx_fraud_scenario = 2 THEN 1 ELSE 0 END) AS scenario_2,
    SUM(CASE WHEN tx_fraud_scenario = 3 THEN 1 ELSE 0 END) AS scenario_3
FROM transactions
GROUP BY 1
ORDER BY 1;

-- 3b. The most compromised terminals of the last 28 days: where fraudulent transactions cluster (scenario 2 marks
--     every transaction at a compromised terminal for 28 days).
SELECT
    terminal_id,
    COUNT(*) AS transactions,
    SUM(tx_fraud) AS frauds,
    ROUND(100.0 * SUM(tx_fraud) / COUNT(*), 1) AS fraud_pct,
    MIN(CASE WHEN tx_fraud = 1 THEN tx_datetime END) AS first_fraud
FROM transactions
WHERE tx_datetime >= DATEADD(day, -28, GETDATE())
GROUP BY terminal_id
HAVING SUM(tx_fraud) > 0
ORDER BY frauds DESC, fraud_pct DESC
LIMIT 20;

-- 3c. Customers with sudden amount spikes: transactions over five times the customer's average of the 30 days
--     before (scenario 3 multiplies a third of a compromised customer's amounts by 5 for 14 days).
WITH history AS (
    SELECT
        customer_id,
        transaction_id,
        tx_datetime,
        tx_amount,
        tx_fraud,
        AVG(tx_amount) OVER (
            PARTITION BY customer_id ORDER BY tx_time_seconds
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS average_before,
        COUNT(*) OVER (
            PARTITION BY customer_id ORDER BY tx_time_seconds
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS transactions_before
    FROM transactions
    WHERE tx_datetime >= DATEADD(day, -30, GETDATE())
)
SELECT
    customer_id,
    COUNT(*) AS spikes,
    MAX(tx_amount / average_before) AS highest_ratio,
    SUM(tx_fraud) AS labelled_fraud
FROM history
WHERE transactions_before >= 5
  AND tx_amount > 5 * average_before
GROUP BY customer_id
ORDER BY spikes DESC, highest_ratio DESC
LIMIT 20;
