package dev.regionless.region.tables;

/**
 * Where dynalite, the reference, is known to answer differently from AWS DynamoDB. A test of such a behaviour
 * asserts what AWS does (Regionless follows AWS) and is skipped on dynalite through {@link
 * DynamoDbTarget#assumeMatchesAws}; this list is the record of every difference found.
 */
enum ReferenceDifference {
    CREATE_EXISTING_TABLE_MESSAGE(
            "CreateTable of an existing table answers ResourceInUseException 'Table already exists: <name>'",
            "answers ResourceInUseException with an empty message"),
    RETURN_VALUES_ON_CONDITION_CHECK_FAILURE(
            "a failed condition returns the item in ConditionalCheckFailedException when"
                    + " ReturnValuesOnConditionCheckFailure is ALL_OLD",
            "ignores ReturnValuesOnConditionCheckFailure (it predates the parameter)"),
    KEY_SIZE_IN_CHARACTERS(
            "measures key sizes (2048 bytes for a partition key, 1024 for a sort key) and item sizes in UTF-8 bytes",
            "measures strings in UTF-16 code units, so multi-byte keys and items up to twice the limit pass"),
    SYNTAX_ERROR_MESSAGES(
            "reports an expression syntax error as 'Syntax error; token: \"<token>\", near: \"<text>\"'",
            "reports its parser's own text: 'Syntax error; Expected ... but ... found.'"),
    SEGMENT_ZERO_WITHOUT_TOTAL_SEGMENTS(
            "refuses a Scan with Segment but no TotalSegments, Segment 0 included",
            "accepts Segment 0 without TotalSegments (it tests Segment for truth) and scans the whole table"),
    TABLE_NAME_LENGTH_MESSAGE(
            "reports a CreateTable name under 3 characters as a constraint violation, '1 validation error detected:"
                    + " Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than"
                    + " or equal to 3' (as dynalite itself does for the other operations)",
            "answers CreateTable with its older text, 'TableName must be at least 3 characters long and at most 255"
                    + " characters long'");

    /** What AWS does, which the test asserts. */
    final String aws;

    /** What dynalite does instead. */
    final String reference;

    ReferenceDifference(String aws, String reference) {
        this.aws = aws;
        this.reference = reference;
    }
}
