package io.leasebridge.sandbox;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * PassTime as LeaseBridge sees it: an OAuth 2.0 password grant at {@code /token} and
 * {@code GET /api/device/GetLastLocate?DealerNumber=&SerialNumber=} with the bearer token, answering from the
 * {@link GpsFleet}. An unknown serial is a 404; a call without a token we issued is a 401.
 */
public final class PassTimeSimulator extends GpsVendorSimulator {

    public static final String DEALER = "D-SANDBOX";

    private PassTimeSimulator(Supplier<GpsFleet> fleet, Clock clock) {
        super(new Api(fleet, clock));
    }

    public static PassTimeSimulator start(Supplier<GpsFleet> fleet, Clock clock) {
        return new PassTimeSimulator(fleet, clock);
    }

    private static final class Api extends GpsVendorApi {

        static final String NAME = "passtime-api";

        Api(Supplier<GpsFleet> fleet, Clock clock) {
            super(fleet, clock);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        protected ResponseDefinition answer(Request request, String path, Map<String, String> query) {
            if (path.equals("/token") && request.getMethod().getName().equals("POST")) {
                if (!request.getBodyAsString().contains("grant_type=password")) {
                    return json(400, Map.of("error", "unsupported_grant_type"));
                }
                String token = issueToken();
                return json(200, Map.of("access_token", token, "token_type", "bearer", "expires_in", 86399));
            }
            if (path.equals("/api/device/GetLastLocate") && request.getMethod().getName().equals("GET")) {
                String auth = request.getHeader("Authorization");
                if (auth == null || !auth.startsWith("Bearer ") || !issued(auth.substring(7))) {
                    return json(401, Map.of("Message", "Authorization has been denied for this request."));
                }
                GpsFleet.Device device = fleet().device("PASSTIME", query.get("SerialNumber"));
                if (!DEALER.equals(query.get("DealerNumber")) || device == null) {
                    return json(404, Map.of("Message", "Device not found"));
                }
                GpsFleet.Fix fix = fleet().locate(device, clock.instant());
                counted();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("DealerNumber", DEALER);
                body.put("SerialNumber", device.deviceId());
                body.put("Latitude", round(fix.latitude()));
                body.put("Longitude", round(fix.longitude()));
                body.put("LocateDate", fix.locatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
                body.put("Speed", fix.speed());
                return json(200, body);
            }
            return json(404, Map.of("Message", "No HTTP resource was found that matches the request URI"));
        }
    }

    static double round(double coordinate) {
        return Math.round(coordinate * 1_000_000d) / 1_000_000d;
    }
}
