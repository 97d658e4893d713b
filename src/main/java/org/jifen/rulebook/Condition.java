package org.jifen.rulebook;

import java.util.Map;
import java.util.Set;

/** When a rule applies to an event of its action. All conditions of a rule must hold. */
public sealed interface Condition {

    boolean holds(String item, Map<String, String> attributes);

    /** The event's item is one of these. */
    record ItemIn(Set<String> items) implements Condition {
        @Override
        public boolean holds(String item, Map<String, String> attributes) {
            return item != null && items.contains(item);
        }
    }

    /** The event has an item and it is none of these. */
    record ItemNotIn(Set<String> items) implements Condition {
        @Override
        public boolean holds(String item, Map<String, String> attributes) {
            return item != null && !items.contains(item);
        }
    }

    /** An attribute has this value ({@code channel = offline}). */
    record AttributeEquals(String attribute, String value) implements Condition {
        @Override
        public boolean holds(String item, Map<String, String> attributes) {
            return value.equals(attributes.get(attribute));
        }
    }

    /** A numeric attribute reaches a threshold ({@code correct ≥ 3}, LG-7.2.5). */
    record Threshold(String attribute, long atLeast) implements Condition {
        @Override
        public boolean holds(String item, Map<String, String> attributes) {
            var raw = attributes.get(attribute);
            if (raw == null) {
                return false;
            }
            try {
                return Long.parseLong(raw.strip()) >= atLeast;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
