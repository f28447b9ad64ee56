# Sourced by every install script here. `npm test` and `npm run` hand their own settings to child
# processes as npm_config_* variables (this project's .npmrc legacy-peer-deps=true among them): a
# nested install that inherited them skipped the scanner's peer typescript. So each nested install
# drops them all and sets what it needs itself; the machine's own npmrc files still apply.
for name in $(compgen -e); do
	case "${name,,}" in npm_config_*) unset "$name" ;; esac
done
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false \
	npm_config_legacy_peer_deps=false npm_config_strict_peer_deps=false npm_config_package_lock=true

# Where every runtime goes: $HERO_N8N_CACHE, else ~/.cache/n8n-nodes-hero-health.
cache="${HERO_N8N_CACHE:-$HOME/.cache/n8n-nodes-hero-health}"

# A stamp that changes whenever the script that made an install changes, so an install left by an
# older (or broken) script is never reused. Usage: install_stamp FILE...
install_stamp() { cat "$@" | sha256sum | cut -c1-16; }

# say MESSAGE: to stderr, as every script here keeps stdout for the folder it prints last.
say() { echo "$(basename "$0"): $*" >&2; }

# hold_lock NAME: one install of NAME at a time (parallel test workers, or two checkouts sharing the
# cache, must not remove each other's half-made tree). Held until the script exits.
hold_lock() {
	mkdir -p "$cache"
	exec 9>"$cache/.$1.lock"
	flock 9
}
