//! Fuzz the whole pipeline on arbitrary source text: lexer → parser → compiler → VM, run with
//! a fuel budget and a memory limit. Any panic or crash is a bug; Python exceptions are fine.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let config = kaa::VmConfig { max_memory: 32 << 20, ..kaa::VmConfig::default() };
    let mut vm = kaa::Vm::with_config(config);
    vm.stdout = Box::new(std::io::sink());
    vm.set_fuel(Some(20_000));
    if let Err(e) = vm.run_source(src, "<fuzz>", "__main__") {
        // Formatting the traceback exercises the reporting path too.
        let _ = vm.error_report(e);
    }
});
