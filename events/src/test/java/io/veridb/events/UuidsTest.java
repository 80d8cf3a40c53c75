package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UuidsTest {
    private static final String NORMAL = "67e55044-10b1-426f-9247-bb680e5fe0c8";

    @ParameterizedTest
    @ValueSource(strings = {
        "67e55044-10b1-426f-9247-bb680e5fe0c8",
        "67E55044-10B1-426F-9247-BB680E5FE0C8",
        "67e5504410b1426f9247bb680e5fe0c8",
        "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
        "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8"
    })
    void normalisesEveryAcceptedForm(String text) {
        assertThat(Uuids.normalize(text)).isEqualTo(NORMAL);
        assertThat(Uuids.isNormalized(Uuids.normalize(text))).isTrue();
    }

    @Test
    void emptyMeansNone() {
        assertThat(Uuids.normalize("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not-a-uuid",
        "67e55044-10b1-426f-9247-bb680e5fe0c",
        "67e55044x10b1-426f-9247-bb680e5fe0c8",
        "67e55044-10b1-426f-9247-bb680e5fe0g8",
        "{67e5504410b1426f9247bb680e5fe0c8}",
        "67e55044-10b1-426f-9247-bb680e5fe0c8 "
    })
    void rejectsWithUmaDbDeserializationError(String text) {
        assertThatThrownBy(() -> Uuids.normalize(text))
                .isInstanceOfSatisfying(DcbException.class,
                        e -> assertThat(e.kind()).isEqualTo(DcbException.Kind.DESERIALIZATION))
                .hasMessage("deserialization error: Invalid UUID in Event");
    }
}
