package dev.regionless.region.tables;

/**
 * Where dynalite, the reference, is known to answer differently from AWS DynamoDB. A test of such a behaviour
 * asserts what AWS does (Regionless follows AWS) and is skipped on dynalite through {@link
 * DynamoDbTarget#assumeMatchesAws}; this list is the record of every difference found.
 */
enum ReferenceDifference {
    CREATE_EXISTING_TABLE_MESSAGE(
            "CreateTable of an existing table answers ResourceInUseException 'Table already exists: <name>'",
            "answers ResourceInUseException with an empty message");

    /** What AWS does, which the test asserts. */
    final String aws;

    /** What dynalite does instead. */
    final String reference;

    ReferenceDifference(String aws, String reference) {
        this.aws = aws;
        this.reference = reference;
    }
}
