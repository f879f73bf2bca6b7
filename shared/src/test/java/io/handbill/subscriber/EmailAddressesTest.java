package io.handbill.subscriber;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.org", " Ann.Lee+meetups@Example.CO.uk ", "o'neil@mail.example.ie",
            "x@xn--bcher-kva.example"})
    void ordinaryAddresses_areValid(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.org", "ann@example", "ann@@example.org", "a@b@example.org",
            ".ann@example.org", "ann.@example.org", "an..n@example.org", "ann@-example.org", "ann@example..org",
            "ann lee@example.org", "ann@example.org\r\nBcc: eve@example.org", "ann@example.org, bob@example.org",
            "\"ann\"@example.org", "ann@[127.0.0.1]", "ann@example.1", "änn@example.org"})
    void malformedOrDangerousAddresses_areInvalid(String address) {
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann@Example.org", " ann@example.org", "ANN@EXAMPLE.ORG "})
    void normalise_stripsAndLowerCases(String address) {
        assertThat(EmailAddresses.normalise(address)).isEqualTo("ann@example.org");
    }
}
