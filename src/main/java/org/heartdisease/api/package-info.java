/**
 * The JSON exchange every surface shares: strict reading, limits, and RFC 9457 problem bodies.
 */
package org.heartdisease.api;
