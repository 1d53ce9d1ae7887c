"""What bench/run.py and bench/load_test.py share: tools, production servers, wrk and its numbers.

Everything binds to and loads 127.0.0.1 only.
"""

import grp
import json
import os
import platform
import pwd
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = PROJECT / ".venv" / "bin"
NGINX = "/usr/sbin/nginx"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/ezine_bench"


def ensure_tools():
    """Install wrk and nginx from Debian if they are missing (root; this machine's package registry)."""
    missing = [
        package
        for tool, package in (("/usr/bin/wrk", "wrk"), (NGINX, "nginx-light"))
        if not Path(tool).exists()
    ]
    if missing:
        print(f"Installing {', '.join(missing)} from Debian ...", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *missing],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
        )
        # Debian starts the packaged nginx on port 80; the benchmark runs its own.
        subprocess.run(["service", "nginx", "stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def production_env(database_url, **extra):
    """Environment of a production-like server: DEBUG off, PostgreSQL, Redis, no access log on stdout."""
    return {
        **os.environ,
        "DJANGO_DEBUG": "False",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2"),
        "EZINE_CACHE_PREFIX": f"bench-{os.getpid()}",
        "DJANGO_MEDIA_ROOT": os.environ.get("DJANGO_MEDIA_ROOT", str(PROJECT / "media")),
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "",
        "PYTHONPATH": str(PROJECT),
        **{key: str(value) for key, value in extra.items()},
    }


def setup_django(media_root):
    """Set Django up in this process with production settings, uploads in ``media_root`` and the page
    cache off (the in-process benchmarks time the views, not the cache)."""
    sys.path.insert(0, str(PROJECT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "ezine.settings"
    os.environ["DJANGO_DEBUG"] = "False"
    os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "False"
    os.environ["DJANGO_MEDIA_ROOT"] = media_root
    os.environ["EZINE_PAGE_CACHE_SECONDS"] = "0"
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"
    import django

    django.setup()


def manage(env, *args):
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=PROJECT, env=env, check=True)


def output(env, *args):
    """Return what the project's Python prints when run with ``args`` (a script, or manage.py ...)."""
    return subprocess.run(
        [str(BIN / "python"), *args], cwd=PROJECT, env=env, capture_output=True, text=True, check=True
    ).stdout


def page_set(env, articles, profile=False):
    """Return bench/pages.py's choice of pages, with ``articles`` published article pages in random order."""
    return json.loads(output(env, "bench/pages.py", str(articles), *(["--profile"] if profile else [])))


class Server:
    """A gunicorn (``ezine/gunicorn.conf.py``) serving ``app`` on 127.0.0.1:``port``; a context manager."""

    def __init__(self, app, port, env, log, access_log=""):
        self.app, self.port, self.env, self.log = app, port, {**env, "GUNICORN_ACCESS_LOG": access_log}, log

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "-c",
                "ezine/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                self.app,
            ],
            cwd=PROJECT,
            env=self.env,
            stdout=open(self.log, "a"),
            stderr=subprocess.STDOUT,
        )
        wait_for(self.base + "/healthz" if self.app.startswith("ezine") else self.base + "/")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(30)


class Nginx:
    """nginx serving the files of ``root`` on 127.0.0.1:``port`` without keep-alive (like sync gunicorn)."""

    def __init__(self, root, port):
        self.root, self.port = Path(root), port

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        conf = self.dir / "nginx.conf"
        # Run as root, nginx would hand its workers to "nobody", who cannot read a private temporary folder.
        user = pwd.getpwuid(os.geteuid())
        conf.write_text(
            f"""worker_processes 2;
user {user.pw_name} {grp.getgrgid(user.pw_gid).gr_name};
daemon off;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    keepalive_timeout 0;
    sendfile on;
    types {{ text/html html; application/rss+xml rss; application/atom+xml atom; application/json json; }}
    default_type text/html;
    client_body_temp_path {self.dir}; proxy_temp_path {self.dir}; fastcgi_temp_path {self.dir};
    uwsgi_temp_path {self.dir}; scgi_temp_path {self.dir};
    server {{ listen 127.0.0.1:{self.port}; root {self.root}; }}
}}
"""
        )
        self.process = subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(self.dir)], stderr=subprocess.DEVNULL
        )
        wait_for(self.base + "/")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(30)
        shutil.rmtree(self.dir, ignore_errors=True)


class Varnish:
    """Varnish (``deploy/varnish/start``) on 127.0.0.1:``port`` in front of ``backend``; a context manager."""

    def __init__(self, backend, port, log):
        self.backend, self.port, self.log = backend.removeprefix("http://"), port, log

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.process = subprocess.Popen(
            ["deploy/varnish/start", self.backend, f"127.0.0.1:{self.port}"],
            cwd=PROJECT,
            stdout=open(self.log, "a"),
            stderr=subprocess.STDOUT,
        )
        wait_for(self.base + "/healthz")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(30)


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(url, seconds, connections, threads=2, script=None, headers=()):
    """Run wrk and return its figures: requests/s, p50 and p99 in ms, requests, errors."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        command += ["-s", str(script)]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


SOCKET_ERRORS = ("connect", "read", "write", "timeout")


def parse_wrk(output):
    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match[1]) * UNITS[match[2]] if match else None

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    kinds = dict(zip(SOCKET_ERRORS, map(int, socket.groups()), strict=True)) if socket else {}
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "requests": int(re.search(r"(\d+) requests in", output)[1]),
        "p50": latency(50),
        "p99": latency(99),
        "non_2xx_3xx": int(non_ok[1]) if non_ok else 0,
        "socket_errors": sum(kinds.values()),
        "socket_error_kinds": kinds,
    }


def rotating_script(paths, directory):
    """Write a wrk Lua script that requests ``paths`` in random order; return its path."""
    script = Path(directory) / "rotate.lua"
    listed = ",\n".join(f'  "{path}"' for path in paths)
    script.write_text(
        f"paths = {{\n{listed}\n}}\n"
        "math.randomseed(os.time())\n"
        "request = function()\n"
        "  return wrk.format(nil, paths[math.random(#paths)])\n"
        "end\n"
    )
    return script


def replace_section(path, title, text):
    """Put ``text`` (starting with the heading ``title``) in the markdown file ``path``, in place of the
    section under that heading if there is one, else at the end."""
    path = Path(path)
    current = path.read_text() if path.exists() else ""
    pattern = re.compile(rf"^{re.escape(title)}\n.*?(?=^## |\Z)", re.M | re.S)
    section = text.rstrip("\n") + "\n"
    if pattern.search(current):
        updated = pattern.sub(lambda match: section + ("\n" if match.end() < len(current) else ""), current)
    else:
        updated = current.rstrip("\n") + "\n\n" + section
    path.write_text(updated)


def machine():
    cpu = next(
        (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
        "?",
    )
    memory = next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True
    )
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0]
    nginx_version = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr.strip()
    return {
        "cpu": f"{cpu}, {os.cpu_count()} cores, {int(memory) // 1024 // 1024} GiB",
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "commit": commit.stdout.strip() or "?",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "tools": f"{wrk_version.strip()}; {nginx_version}",
    }
