/** Test doubles shared by the gateway's tests: a scriptable function runtime and a clock tests move by hand. */
package dev.regionless.gateway.testing;
