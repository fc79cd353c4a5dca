/**
 * The AWS Lambda surface, built only by the {@code aws} Maven profile: the adapter's
 * {@code FunctionInvoker} hands each raw event to {@code predictLambda}
 * ({@link org.heartdisease.aws.LambdaEventFunction}), which maps it onto the shared
 * {@link org.heartdisease.api.PredictionExchange} and writes the answer back. It holds no status,
 * routing or JSON rule of its own.
 *
 * <p>The exported function is {@code Function<InputStream, byte[]>} because adapter-aws 4.3.0 hands an
 * {@code InputStream} function the event untouched and writes its {@code byte[]} out untouched. For
 * any other input type it logs the whole event (patient data included) at INFO, replaces an event
 * that has a {@code payload} field with that field, binds a malformed or base64 body to an all-null
 * object and answers it with status 200, takes a status only from an Integer {@code statusCode}
 * message header, and lets a thrown exception become a Lambda function error (a 502 behind a gateway).
 *
 * <p>An HTTP event (REST API v1 proxy: {@code httpMethod}, {@code path}; HTTP API v2 and Function URL:
 * {@code requestContext.http.method}, {@code rawPath}) becomes a call with its {@code Content-Type}
 * and {@code Content-Length} headers (any case) and its body, decoded while read when
 * {@code isBase64Encoded}; a body that does not decode is a body that cannot be read, which the
 * exchange answers. The answer goes back as {@code {statusCode, headers: {Content-Type, Allow},
 * body, isBase64Encoded: false}}. Any other event is a direct invocation: it has no method or path,
 * so it can only predict; the event is the JSON payload and the result is the answer's body (a
 * diagnosis, or a problem whose {@code status} says what went wrong).
 */
package org.heartdisease.aws;
