package dev.ballast.collectors.libvirt;

import org.libvirt.Error;
import org.libvirt.LibvirtException;

/** Classifies libvirt errors by their code. */
final class LibvirtErrors {
    private LibvirtErrors() {
    }

    static boolean domainVanished(LibvirtException e) {
        return code(e) == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    static boolean notRunningOrUnsupported(LibvirtException e) {
        Error.ErrorNumber code = code(e);
        return code == Error.ErrorNumber.VIR_ERR_OPERATION_INVALID || code == Error.ErrorNumber.VIR_ERR_NO_SUPPORT
                || code == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    static String describe(Throwable e) {
        if (e instanceof LibvirtException le && le.getError() != null) {
            return le.getError().getMessage() + " (" + le.getError().getCode() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static Error.ErrorNumber code(LibvirtException e) {
        return e.getError() == null ? null : e.getError().getCode();
    }
}
