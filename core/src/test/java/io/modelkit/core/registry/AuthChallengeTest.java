package io.modelkit.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void shouldReadBearerRealmServiceScopeAndError() {
        AuthChallenge challenge = AuthChallenge.parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\","
                + "scope=\"repository:team/model:pull,push\",error=\"insufficient_scope\"").orElseThrow();

        assertThat(challenge.isBearer()).isTrue();
        assertThat(challenge.realm()).isEqualTo("https://auth.example.com/token");
        assertThat(challenge.service()).isEqualTo("registry.example.com");
        assertThat(challenge.scope()).isEqualTo("repository:team/model:pull,push");
        assertThat(challenge.insufficientScope()).isTrue();
    }

    @Test
    void shouldReadBasicWithUnquotedValuesAndEscapes() {
        AuthChallenge challenge = AuthChallenge.parse("Basic realm=\"say \\\"hi\\\"\", charset=UTF-8").orElseThrow();

        assertThat(challenge.isBasic()).isTrue();
        assertThat(challenge.realm()).isEqualTo("say \"hi\"");
        assertThat(challenge.parameters()).containsEntry("charset", "UTF-8");
    }

    @Test
    void shouldTellLoopbackRegistriesByName() {
        assertThat(Loopback.is("localhost:5000")).isTrue();
        assertThat(Loopback.is("127.0.0.1:5000")).isTrue();
        assertThat(Loopback.is("127.1.2.3")).isTrue();
        assertThat(Loopback.is("[::1]:5000")).isTrue();
        assertThat(Loopback.is("registry.example.com")).isFalse();
        assertThat(Loopback.is("127.0.0.1.nip.io:5000")).isFalse();
    }
}
