/**
 * DynamoDB's expression language: hand-written parsers that turn condition, key condition, projection and update
 * expressions into trees of records, and evaluators that apply those trees to items. Everything here is pure, so
 * each rule and each DynamoDB error text can be tested without a table.
 */
package dev.regionless.tables.expression;
