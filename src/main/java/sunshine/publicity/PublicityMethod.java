package sunshine.publicity;

/** How publicity reached an area (R34, 000 §4.4). */
public enum PublicityMethod {
    BROADCAST,
    RADIO,
    NOTICE_BOARD,
    LEAFLET,
    VAN,
    NEWSPAPER,
    MEETING
}
