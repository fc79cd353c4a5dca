/**
 * The local HTTP surface (Spring MVC on Tomcat): {@code ExchangeController} maps each request onto
 * the shared {@code api.PredictionExchange}; the OpenAPI description of the same API; compiled only
 * by the {@code local} Maven profile.
 */
package org.heartdisease.web;
