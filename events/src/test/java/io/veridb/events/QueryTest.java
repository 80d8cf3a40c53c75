package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {
    @Test
    void noItemsMatchesEverything() {
        assertThat(Query.ALL.matchesAll()).isTrue();
        assertThat(Query.ALL.matches("any", List.of())).isTrue();
    }

    @Test
    void itemWithoutTypesAndTagsMatchesEverything() {
        Query query = new Query(List.of(new QueryItem(List.of("A"), List.of()), new QueryItem(List.of(), List.of())));
        assertThat(query.matchesAll()).isTrue();
        assertThat(query.matches("B", List.of("x"))).isTrue();
    }

    @Test
    void itemNeedsOneOfTheTypesAndAllTags() {
        QueryItem item = new QueryItem(List.of("A", "B"), List.of("t1", "t2"));
        assertThat(item.matches("A", List.of("t2", "t1", "t3"))).isTrue();
        assertThat(item.matches("B", List.of("t1", "t2"))).isTrue();
        assertThat(item.matches("C", List.of("t1", "t2"))).isFalse();
        assertThat(item.matches("A", List.of("t1"))).isFalse();
    }

    @Test
    void itemsAreOred() {
        Query query = new Query(List.of(new QueryItem(List.of("A"), List.of()),
                new QueryItem(List.of(), List.of("t"))));
        assertThat(query.matchesAll()).isFalse();
        assertThat(query.matches("A", List.of())).isTrue();
        assertThat(query.matches("B", List.of("t"))).isTrue();
        assertThat(query.matches("B", List.of("u"))).isFalse();
    }
}
