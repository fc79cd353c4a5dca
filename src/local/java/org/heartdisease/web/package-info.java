/**
 * The local HTTP surface (a servlet on Spring Boot's Tomcat): {@code ExchangeServlet} maps each
 * request onto the shared {@code api.PredictionExchange}, and Spring MVC serves only Actuator's
 * health; compiled only by the {@code local} Maven profile.
 */
package org.heartdisease.web;
