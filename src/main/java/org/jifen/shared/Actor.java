package org.jifen.shared;

import java.util.Set;

/** Whoever is acting: the signed-in person or an API client. Audit records take their identity from here. */
public interface Actor {

    /** Account id, or the negated API client id for integrations. */
    long actorId();

    /** A masked label safe for logs and lists (张*明 138****5678, or the API client's name). */
    String actorLabel();

    /** Role names held, for the audit record. */
    Set<String> roleNames();
}
