#!/usr/bin/env bash
# Installs the Debian packages that building and testing leibniz needs.
#
#   scripts/deps.sh                 compilers, CMake, Ninja, Boost, doctest, Google Benchmark,
#                                   Python 3 and clang-format (the include-cycle and format tests)
#   scripts/deps.sh adapters        ... and the libraries of the opt-in adapters, whose tests
#                                   CMake builds when it finds them: Eigen (<leibniz/eigen.hpp>)
#                                   and Ceres Solver (<leibniz/ceres.hpp>), and Clang's OpenMP
#                                   runtime (tests/openmp; GCC's libgomp comes with g++);
#                                   scripts/test.sh installs these, so that CI tests them
#   scripts/deps.sh extras          ... the adapters' libraries and the benchmark peers and
#                                   tools: ADOL-C (with pkg-config to find it), gnuplot,
#                                   graphviz, valgrind
#   scripts/deps.sh PACKAGE ...     ... and these packages
#
# Runs apt-get only when something is missing, so a rerun takes no time.
set -euo pipefail

# libclang-rt-14-dev: Clang's sanitizer runtimes, only recommended by clang (the asan preset needs them)
packages=(cmake ninja-build g++ clang libclang-rt-14-dev libboost-dev doctest-dev libbenchmark-dev python3 clang-format)
adapters=(libeigen3-dev libceres-dev libomp-14-dev)
extras=("${adapters[@]}" pkg-config libadolc-dev gnuplot-nox graphviz valgrind)
for arg in "$@"; do
    case "$arg" in
        adapters) packages+=("${adapters[@]}") ;;
        extras) packages+=("${extras[@]}") ;;
        *) packages+=("$arg") ;;
    esac
done

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "deps: all installed (${packages[*]})"
    exit 0
fi

echo "deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: installed ${missing[*]}"
