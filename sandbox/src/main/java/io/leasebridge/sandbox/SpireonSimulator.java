package io.leasebridge.sandbox;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spireon NSpire as LeaseBridge sees it: {@code GET /identity/token} (HTTP Basic and {@code X-Nspire-AppToken}) for a
 * user token, then {@code GET /assets/{id}} (its {@code lastLocation}) and {@code GET /assets/{id}/events} with
 * {@code X-Nspire-AppToken} and {@code X-Nspire-UserToken}, answering from the {@link GpsFleet}.
 */
public final class SpireonSimulator extends GpsVendorSimulator {

    public static final String APP_TOKEN = "sandbox-app-token";
    private static final Pattern ASSET = Pattern.compile("/assets/([^/]+)(/events)?");
    private static final DateTimeFormatter SPIREON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

    private SpireonSimulator(Supplier<GpsFleet> fleet, Clock clock) {
        super(new Api(fleet, clock));
    }

    public static SpireonSimulator start(Supplier<GpsFleet> fleet, Clock clock) {
        return new SpireonSimulator(fleet, clock);
    }

    private static final class Api extends GpsVendorApi {

        static final String NAME = "spireon-api";

        Api(Supplier<GpsFleet> fleet, Clock clock) {
            super(fleet, clock);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        protected ResponseDefinition answer(Request request, String path, Map<String, String> query) {
            if (!APP_TOKEN.equals(request.getHeader("X-Nspire-AppToken"))) {
                return json(401, Map.of("error", "invalid_app_token", "message", "Application token missing or unknown"));
            }
            if (path.equals("/identity/token")) {
                String auth = request.getHeader("Authorization");
                if (auth == null || !auth.startsWith("Basic ")) {
                    return json(401, Map.of("error", "unauthorized", "message", "Bad credentials"));
                }
                String token = issueToken();
                return json(200, Map.of("token", token, "expiresIn", 3600));
            }
            Matcher m = ASSET.matcher(path);
            if (!m.matches()) {
                return json(404, Map.of("error", "not_found", "message", "No resource " + path));
            }
            if (!issued(request.getHeader("X-Nspire-UserToken"))) {
                return json(401, Map.of("error", "invalid_token", "message", "User token missing, expired or revoked"));
            }
            GpsFleet.Device device = fleet().device("SPIREON", m.group(1));
            if (device == null) {
                return json(404, Map.of("error", "not_found", "message", "Asset " + m.group(1) + " not found"));
            }
            GpsFleet.Fix fix = fleet().locate(device, clock.instant());
            counted();
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("lat", PassTimeSimulator.round(fix.latitude()));
            location.put("lng", PassTimeSimulator.round(fix.longitude()));
            location.put("date", SPIREON_TIME.format(fix.locatedAt()));
            if (m.group(2) != null) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("id", UUID.nameUUIDFromBytes((device.deviceId() + fix.locatedAt()).getBytes()).toString());
                event.put("type", fix.speed() > 0 ? "LOCATE" : "IGNITION_OFF");
                event.put("location", Map.of("lat", location.get("lat"), "lng", location.get("lng")));
                event.put("date", location.get("date"));
                event.put("speed", fix.speed());
                return json(200, Map.of("content", List.of(event), "page", Map.of("size", 50, "number", 0, "totalElements", 1)));
            }
            Map<String, Object> asset = new LinkedHashMap<>();
            asset.put("id", device.deviceId());
            asset.put("attributes", Map.of("vin", device.vin()));
            asset.put("lastLocation", location);
            asset.put("lastEventDateTime", location.get("date"));
            return json(200, asset);
        }
    }
}
