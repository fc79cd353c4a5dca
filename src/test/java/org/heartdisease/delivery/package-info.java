/**
 * Tests of the delivery pipeline: the workflow, and the scripts it calls, rehearsed with
 * {@code --dry-run} or against stub commands and a loopback server (no cloud is reached).
 */
package org.heartdisease.delivery;
