/**
 * JMH micro-benchmarks of the warm prediction paths; compiled only by the {@code bench} Maven profile
 * and run by {@code profiles/bench/run.sh}.
 */
package org.heartdisease.bench;
