package org.jifen.rulebook;

import java.time.ZoneId;

/**
 * A program (活动/项目): a configured scheme for the members of an organization subtree, with its own rulebook and
 * time zone.
 *
 * @param key stable short name used in URLs and the API ({@code longgang})
 * @param orgId the organization whose subtree takes part
 */
public record Program(long id, String key, String name, long orgId, ZoneId timeZone) {}
