/**
 * The local HTTP surface: spring-cloud-function-web behind a gate that answers every client mistake with a problem body.
 */
package org.heartdisease.web;
