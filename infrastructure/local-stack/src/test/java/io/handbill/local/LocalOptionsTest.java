package io.handbill.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalOptionsTest {

    @Test
    void noArguments_giveTheDocumentedDefaults() {
        assertThat(LocalOptions.parse()).isEqualTo(new LocalOptions(8080, null, null, true));
    }

    @Test
    void everyOption_isReadInBothSpellings() {
        var options = LocalOptions.parse("--port", "9090", "--data=tmp/hb", "--admin-token", "s3cret", "--empty");

        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.dataDir()).isEqualTo(Path.of("tmp/hb").toAbsolutePath());
        assertThat(options.adminToken()).isEqualTo("s3cret");
        assertThat(options.samples()).isFalse();
    }

    @Test
    void badValues_areRejectedWithTheUsage() {
        assertThatThrownBy(() -> LocalOptions.parse("--port", "http")).hasMessageContaining("--port");
        assertThatThrownBy(() -> LocalOptions.parse("--port", "70000")).hasMessageContaining("--port");
        assertThatThrownBy(() -> LocalOptions.parse("--admin-token", "has space")).hasMessageContaining("token");
        assertThatThrownBy(() -> LocalOptions.parse("--data")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LocalOptions.parse("--verbose")).hasMessageContaining("Usage");
    }
}
