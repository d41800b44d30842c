# cmake -P script: install the build tree BUILD_DIR into a fresh PREFIX (a staging
# directory for the find_package consumer test). Inputs (-D): BUILD_DIR, PREFIX, CONFIG,
# INCLUDEDIR and CMAKEDIR (where the headers and the package files must land).
file(REMOVE_RECURSE "${PREFIX}")
set(config_args)
if(CONFIG)
    set(config_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed (${result})")
endif()
foreach(expected "${INCLUDEDIR}/leibniz" "${CMAKEDIR}/leibnizConfig.cmake"
        "${CMAKEDIR}/leibnizConfigVersion.cmake" "${CMAKEDIR}/leibnizTargets.cmake")
    if(NOT EXISTS "${PREFIX}/${expected}")
        message(FATAL_ERROR "the install tree lacks ${expected}")
    endif()
endforeach()
