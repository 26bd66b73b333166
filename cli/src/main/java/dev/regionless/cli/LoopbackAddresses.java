package dev.regionless.cli;

import dev.regionless.region.RegionConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Whether this system lets a process listen on the loopback addresses a multi-region run gives its regions. Linux
 * routes all of 127.0.0.0/8 to the loopback interface; macOS answers only on 127.0.0.1 unless aliases were added, and
 * a run there falls back to one address rather than fail to start.
 */
final class LoopbackAddresses {
    private LoopbackAddresses() {}

    /** True if the first and the last of {@code regions} per-region addresses can be listened on. */
    static boolean usable(int regions) {
        return bindable(RegionConfig.loopbackAddress(0)) && bindable(RegionConfig.loopbackAddress(regions - 1));
    }

    private static boolean bindable(String address) {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
