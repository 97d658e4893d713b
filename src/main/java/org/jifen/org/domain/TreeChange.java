package org.jifen.org.domain;

/** The outcome of a proposed change to an organization tree: allowed, or rejected for a named reason. */
public sealed interface TreeChange {

    /** The change keeps the tree sound and stays inside the admin's scope. */
    record Allowed() implements TreeChange {}

    /** The change would break a rule; nothing may be changed. */
    record Rejected(Refusal refusal) implements TreeChange {

        public String code() {
            return refusal.code();
        }
    }

    static TreeChange allowed() {
        return new Allowed();
    }

    static TreeChange rejected(Refusal refusal) {
        return new Rejected(refusal);
    }
}
