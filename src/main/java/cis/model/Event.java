package cis.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A dated step in a state's relation to the CIS: a signature, a ratification, a notice. */
public record Event(
        PartialDate date, Kind kind, String text, Optional<String> note, boolean uncertain, List<Source> sources) {

    public enum Kind {
        AGREEMENT_SIGNED("agreement-signed"),
        AGREEMENT_RATIFIED("agreement-ratified"),
        PROTOCOL_SIGNED("protocol-signed"),
        RATIFICATION_REJECTED("ratification-rejected"),
        CHARTER_NOT_SIGNED("charter-not-signed"),
        CHARTER_SIGNED("charter-signed"),
        CHARTER_RATIFIED("charter-ratified"),
        CHARTER_IN_FORCE("charter-in-force"),
        ACCESSION("accession"),
        ASSOCIATE_STATUS("associate-status"),
        WITHDRAWAL_STARTED("withdrawal-started"),
        WITHDRAWAL_NOTICE("withdrawal-notice"),
        WITHDRAWAL_EFFECTIVE("withdrawal-effective"),
        PARTICIPATION_ENDED("participation-ended"),
        OTHER("other");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Event {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(note, "note");
        sources = List.copyOf(sources);
    }
}
