package cis.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import cis.model.Publisher;
import cis.model.Source;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A card's list of sources names each publisher once: not again when the title already does. */
class CardTest {
    static Source source(String url, String publisher) {
        return new Source(
                url,
                Optional.empty(),
                Optional.of(new Publisher(publisher, Publisher.Kind.NEWSPAPER)),
                Optional.empty());
    }

    @Test
    void aTitleNamesItsPublisherByNameOrByHost() {
        Source sputnik = source("https://uz.sputniknews.ru/20251221/54350546.html", "Sputnik Uzbekistan");
        assertThat(Card.names(
                        "Ukraine and Moldova legally remain in the CIS (Sputnik Uzbekistan, 2025-12-21)", sputnik))
                .isTrue();
        Source esp = source("https://esp.md/ru/search/content/x", "ESP (esp.md)");
        assertThat(Card.names("Moldova ratified the Creation Agreement (esp.md)", esp))
                .isTrue();
        Source tass = source("https://www.tass.com/world/2099803", "TASS");
        assertThat(Card.names("CIS summit in Dushanbe (tass.com)", tass)).isTrue();
    }

    @Test
    void otherwiseThePublisherIsAdded() {
        Source nrc = source("https://www.nrc.nl/nieuws/1994/04/09/x", "NRC Handelsblad");
        assertThat(Card.names("Nieuw parlement Moldavië stemt voor aansluiting", nrc))
                .isFalse();
        assertThat(Card.names("", nrc)).isFalse();
        Source odd = source("not a url at all", "Somebody");
        assertThat(Card.names("a title", odd)).isFalse();
    }
}
