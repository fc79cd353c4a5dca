#!/usr/bin/env bash
# Sourced by the local launch scripts and the benchmark. heart_java prints the java to launch with:
# HEART_JAVA, when set, as it is (the benchmark sets it to compare JDKs); otherwise the first JDK 25 or
# newer found where Maven's toolchains plugin looks too (JAVA_HOME, the PATH, /usr/lib/jvm, ~/.jdks),
# since the clouds run Java 25 and only Java 25 has the AOT cache the tuned launch uses; else the
# PATH's java.

java_feature() { # the Java feature release of the java given, e.g. 17 or 25
	"$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}

find_java() { # lowest and highest feature release: prints the first such java found, or fails
	local candidate feature
	for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java \
		"$HOME"/.jdks/*/bin/java; do
		if [ -z "$candidate" ] || [ ! -x "$candidate" ]; then continue; fi
		feature=$(java_feature "$candidate")
		if [ -n "$feature" ] && [ "$feature" -ge "$1" ] && [ "$feature" -le "$2" ]; then
			echo "$candidate"
			return
		fi
	done
	return 1
}

heart_java() {
	if [ -n "${HEART_JAVA:-}" ]; then
		echo "$HEART_JAVA"
		return
	fi
	find_java 25 999 || command -v java
}
