/**
 * Tests of the Cloud Functions surface: the function called directly, the adapter in-process, and
 * Google's invoker over HTTP ({@code GcpInvokerIT}, after {@code package}).
 */
package org.heartdisease.gcp;
