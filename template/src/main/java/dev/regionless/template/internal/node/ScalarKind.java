package dev.regionless.template.internal.node;

/** What YAML made of a scalar. CloudFormation mostly treats all of them as text, but checks types on properties. */
public enum ScalarKind {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
}
