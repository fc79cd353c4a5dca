/**
 * Scores a file of patients where it lands: one streaming {@link org.heartdisease.batch.BatchScorer}
 * over the {@code predict} bean, reading CSV, the UCI layout or JSON Lines and writing one output row
 * per input row with a manifest beside it; {@link org.heartdisease.batch.StoredFileJobs} runs it on
 * objects of a cloud store (S3, Cloud Storage) behind a {@link org.heartdisease.batch.FileStore}, and
 * {@link org.heartdisease.batch.StorageEvents} holds the JSON both clouds' storage functions answer in. No
 * surface code: the command and the cloud functions only map their transport onto it.
 */
package org.heartdisease.batch;
