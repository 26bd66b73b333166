package dev.regionless.tables.expression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void splitsPathsPlaceholdersAndOperators() {
        var tokens = Tokenizer.tokenize("#a.b[12] <= :v");

        assertThat(tokens)
                .extracting(Token::type)
                .containsExactly(
                        Token.Type.NAME_PLACEHOLDER,
                        Token.Type.DOT,
                        Token.Type.IDENTIFIER,
                        Token.Type.LBRACKET,
                        Token.Type.NUMBER,
                        Token.Type.RBRACKET,
                        Token.Type.LE,
                        Token.Type.VALUE_PLACEHOLDER,
                        Token.Type.EOF);
    }

    @Test
    void recognisesEveryTwoCharacterComparator() {
        var tokens = Tokenizer.tokenize("<> <= >=");

        assertThat(tokens).extracting(Token::type).startsWith(Token.Type.NE, Token.Type.LE, Token.Type.GE);
    }

    @Test
    void placeholderMarkWithoutANameIsAnUnknownToken() {
        var tokens = Tokenizer.tokenize(": #");

        assertThat(tokens)
                .extracting(Token::type)
                .containsExactly(Token.Type.UNKNOWN, Token.Type.UNKNOWN, Token.Type.EOF);
    }

    @Test
    void tokensKnowWhereTheyAreInTheSource() {
        var tokens = Tokenizer.tokenize("  abc  =");

        assertThat(tokens.getFirst().start()).isEqualTo(2);
        assertThat(tokens.getFirst().end()).isEqualTo(5);
    }
}
