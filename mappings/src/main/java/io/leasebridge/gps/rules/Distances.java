package io.leasebridge.gps.rules;

/** Great-circle distances on a spherical Earth (haversine): good to well under 1% at the distances alerts use. */
public final class Distances {

    static final double EARTH_RADIUS_METERS = 6_371_008.8;
    public static final double METERS_PER_MILE = 1_609.344;

    private Distances() {
    }

    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public static double miles(double lat1, double lon1, double lat2, double lon2) {
        return meters(lat1, lon1, lat2, lon2) / METERS_PER_MILE;
    }
}
