package sunshine.organisation;

/** What an area is (R2): villages and communities come from division codes; institutions and markets are added by hand. */
public enum AreaKind {
    VILLAGE,
    COMMUNITY,
    INSTITUTION,
    MARKET
}
