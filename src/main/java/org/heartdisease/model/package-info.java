/**
 * The model: its fields, fitted preprocessing, artifact and scoring; plain Java and Jackson, no Spring.
 */
package org.heartdisease.model;
