# The edge cache in front of the e-zine's gunicorn workers: Varnish with xkey (Debian: varnish and
# varnish-modules). It keeps only what the app marks as storable (a `Surrogate-Control: max-age=N` header
# and `xkey` surrogate keys, set by ezine/edge.py on the responses its own page cache stores) and drops
# objects by key when the app sends `PURGE` with an `xkey` header after a change readers can see.
# `backend.vcl` (the app servers and the purge ACL) is written by deploy/varnish/start, or by hand in
# production; see the README's Production section.
vcl 4.1;

import std;
import xkey;

include "backend.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "xkey header required"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors (the signed marker cookie the app sets at sign-in, see ezine/pagecache.py), the admin,
    # previews and the health check always reach the app. The app checks the marker's signature: a forged
    # one gets the app's own page cache, never an uncached render.
    if (req.url ~ "^/(admin|voorbeeld)/" || req.url ~ "^/healthz" ||
        req.http.Cookie ~ "(^|;\s*)ezine_editor=") {
        return (pass);
    }
    # Readers' pages depend on no cookie: one object for everyone, as in the app's page cache.
    unset req.http.Cookie;
    # Tracking parameters make no object of their own (the app ignores them as well).
    set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|fbclid|gclid|mc_[a-z]+)=[^&]*", "\1");
    set req.url = regsuball(req.url, "&{2,}", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]$", "");
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, ".*max-age=([0-9]+).*", "\1s"), 0s);
        # No grace: an object past its time (a scheduled publication is due) is never served stale.
        set beresp.grace = 0s;
        unset beresp.http.Surrogate-Control;
    } elsif (bereq.url ~ "^/static/") {
        # Whitenoise's hashed static files: their own Cache-Control applies.
    } else {
        # Everything else the app did not mark: fetched each time, without queueing requests behind it.
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    return (deliver);
}
