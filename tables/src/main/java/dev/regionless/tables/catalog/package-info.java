/**
 * The table catalog: which tables exist in a region, with their key schema and settings, kept durably in the
 * region's store so that tables survive restarts.
 */
package dev.regionless.tables.catalog;
