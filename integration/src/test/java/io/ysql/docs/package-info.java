/**
 * The Java samples of README.md and docs/**&#47;*.md, found, compiled and run against testkit
 * servers, so that what the documentation shows is what the driver does. Test code only; imports
 * the driver's public packages and the testkit.
 */
package io.ysql.docs;
