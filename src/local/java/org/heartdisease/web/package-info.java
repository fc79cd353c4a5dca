/**
 * The local HTTP surface (Spring MVC on Tomcat): {@code ExchangeController} maps each request onto
 * the shared {@code api.PredictionExchange}; compiled only
 * by the {@code local} Maven profile.
 */
package org.heartdisease.web;
