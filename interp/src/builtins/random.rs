//! The `random` module: CPython's Mersenne Twister, seeded the same way, so a seeded script
//! draws the same numbers under Kaa as under CPython.

use super::{check_args, take_kw};
use crate::object::{Args, NativeFnPtr, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

const N: usize = 624;
const M: usize = 397;

/// MT19937, as in CPython's `_randommodule.c`.
#[derive(Clone)]
pub struct Mt19937 {
    mt: Box<[u32; N]>,
    mti: usize,
    gauss_next: Option<f64>,
}

impl std::fmt::Debug for Mt19937 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Mt19937")
    }
}

impl Mt19937 {
    pub fn new(seed: u64) -> Self {
        let mut m = Mt19937 {
            mt: Box::new([0; N]),
            mti: N + 1,
            gauss_next: None,
        };
        m.seed_bigint(&BigInt::from(seed));
        m
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            self.mt[i] = 1812433253u32
                .wrapping_mul(self.mt[i - 1] ^ (self.mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.mti = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            self.mt[i] = (self.mt[i]
                ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1664525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            self.mt[i] = (self.mt[i]
                ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1566083941))
            .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x8000_0000;
    }

    /// `random.seed(n)` for an int: the absolute value's 32-bit words, little end first.
    pub fn seed_bigint(&mut self, n: &BigInt) {
        let (_, mut words) = n.abs().to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        self.init_by_array(&words);
        self.gauss_next = None;
    }

    pub fn next_u32(&mut self) -> u32 {
        const MAG: [u32; 2] = [0, 0x9908_b0df];
        if self.mti >= N {
            let mut kk = 0;
            while kk < N - M {
                let y = (self.mt[kk] & 0x8000_0000) | (self.mt[kk + 1] & 0x7fff_ffff);
                self.mt[kk] = self.mt[kk + M] ^ (y >> 1) ^ MAG[(y & 1) as usize];
                kk += 1;
            }
            while kk < N - 1 {
                let y = (self.mt[kk] & 0x8000_0000) | (self.mt[kk + 1] & 0x7fff_ffff);
                self.mt[kk] = self.mt[kk + M - N] ^ (y >> 1) ^ MAG[(y & 1) as usize];
                kk += 1;
            }
            let y = (self.mt[N - 1] & 0x8000_0000) | (self.mt[0] & 0x7fff_ffff);
            self.mt[N - 1] = self.mt[M - 1] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            self.mti = 0;
        }
        let mut y = self.mt[self.mti];
        self.mti += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    pub fn state(&self) -> (Vec<u32>, usize, Option<f64>) {
        (self.mt.to_vec(), self.mti.min(N), self.gauss_next)
    }

    pub fn set_state(&mut self, words: &[u32], pos: usize, gauss: Option<f64>) {
        self.mt.copy_from_slice(&words[..N]);
        self.mti = pos;
        self.gauss_next = gauss;
    }

    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    pub fn getrandbits(&mut self, k: u64) -> BigInt {
        if k == 0 {
            return BigInt::zero();
        }
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = k.div_ceil(32) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(num_bigint::Sign::Plus, &out)
    }

    /// A uniform int in [0, n) by rejection sampling on bit_length(n) bits (CPython's
    /// `_randbelow_with_getrandbits`).
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if n.is_zero() {
            return BigInt::zero();
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    pub fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow(&BigInt::from(n)).to_usize().unwrap_or(0)
    }
}

pub fn module(vm: &mut Vm) -> ObjRef {
    let m = vm.new_module("random");
    let d = vm.module_dict(m);
    let funcs: &[(&str, NativeFnPtr)] = &[
        ("seed", r_seed),
        ("random", r_random),
        ("randint", r_randint),
        ("randrange", r_randrange),
        ("uniform", r_uniform),
        ("choice", r_choice),
        ("shuffle", r_shuffle),
        ("sample", r_sample),
        ("gauss", r_gauss),
        ("normalvariate", r_gauss),
        ("getrandbits", r_getrandbits),
        ("choices", r_choices),
        ("triangular", r_triangular),
        ("expovariate", r_expovariate),
        ("getstate", r_getstate),
        ("setstate", r_setstate),
    ];
    for &(n, f) in funcs {
        let v = vm.new_native(n, f);
        let k = vm.intern(n);
        vm.ns_set(d, k, v);
    }
    install_random_class(vm, d);
    // A fresh VM draws from a time-based seed, like CPython; `seed(n)` makes runs repeatable.
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    vm.rng = Mt19937::new(t);
    m
}

fn int_of(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    if let Value::Float(f) = v {
        if f.fract() == 0.0 {
            return Ok(BigInt::from(f as i64));
        }
        return Err(exc::value_error(format!("non-integer arg 1 for {what}")));
    }
    match vm.to_bigint(v) {
        Some(b) => Ok(b),
        None => {
            let i = vm.index_value(v)?;
            Ok(BigInt::from(i))
        }
    }
}

fn r_seed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match a.pos.first() {
        None | Some(Value::None) => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            vm.rng = Mt19937::new(t);
        }
        Some(&v) => {
            let n = match vm.to_bigint(v) {
                Some(b) => b,
                None => match v {
                    Value::Float(f) => BigInt::from(crate::vm::ops::hash_f64(f).unsigned_abs()),
                    _ => {
                        // str/bytes seeds (CPython's version 2): the bytes followed by their
                        // SHA-512 digest, read as one big-endian integer.
                        let mut bytes = match vm.as_str(v) {
                            Some(t) => t.as_bytes().to_vec(),
                            None => match v {
                                Value::Obj(r) => match vm.heap.get(r) {
                                    Obj::Bytes(b) | Obj::ByteArray(b) => b.clone(),
                                    _ => {
                                        let h = vm.hash_value(v)?;
                                        return seed_with(vm, BigInt::from(h.unsigned_abs()));
                                    }
                                },
                                _ => Vec::new(),
                            },
                        };
                        let digest = super::digest::sha512(&bytes);
                        bytes.extend(digest);
                        BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes)
                    }
                },
            };
            vm.rng.seed_bigint(&n);
        }
    }
    Ok(Value::None)
}

fn seed_with(vm: &mut Vm, n: BigInt) -> PyResult<Value> {
    vm.rng.seed_bigint(&n);
    Ok(Value::None)
}

/// `getstate()`: (3, the 624 state words and the position, gauss_next), as CPython.
fn r_getstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "getstate", 0, 0)?;
    let (words, pos, gauss) = vm.rng.state();
    let mut items: Vec<Value> = words.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(pos as i64));
    let t = vm.new_tuple(items);
    let g = gauss.map_or(Value::None, Value::Float);
    Ok(vm.new_tuple(vec![Value::Int(3), t, g]))
}

fn r_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "setstate", 1, 1)?;
    let parts = vm.iterate(a.pos[0])?;
    if parts.len() != 3 || !matches!(parts[0], Value::Int(3)) {
        return Err(exc::value_error(
            "state with version 3 passed to Random.setstate() of version 3",
        ));
    }
    let items = vm.iterate(parts[1])?;
    if items.len() != 625 {
        return Err(exc::value_error("state vector is the wrong size"));
    }
    let mut words = Vec::with_capacity(624);
    for &w in &items[..624] {
        words.push(vm.index_value(w)? as u32);
    }
    let pos = vm.index_value(items[624])?;
    if !(0..=624).contains(&pos) {
        return Err(exc::value_error("invalid state"));
    }
    let gauss = match parts[2] {
        Value::Float(f) => Some(f),
        _ => None,
    };
    vm.rng.set_state(&words, pos as usize, gauss);
    Ok(Value::None)
}

fn r_random(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.rng.random()))
}

fn randrange(vm: &mut Vm, start: BigInt, stop: Option<BigInt>, step: BigInt) -> PyResult<Value> {
    let r = match stop {
        None => {
            if !start.is_positive() {
                return Err(exc::value_error("empty range for randrange()"));
            }
            vm.rng.randbelow(&start)
        }
        Some(stop) => {
            let width = &stop - &start;
            if step == BigInt::from(1) {
                if !width.is_positive() {
                    return Err(exc::value_error(format!(
                        "empty range for randrange() ({start}, {stop}, {width})"
                    )));
                }
                start + vm.rng.randbelow(&width)
            } else {
                if step.is_zero() {
                    return Err(exc::value_error("zero step for randrange()"));
                }
                let n: BigInt = if step.is_positive() {
                    (&width + &step - 1) / &step
                } else {
                    (&width + &step + 1) / &step
                };
                if !n.is_positive() {
                    return Err(exc::value_error("empty range for randrange()"));
                }
                start + &step * vm.rng.randbelow(&n)
            }
        }
    };
    Ok(vm.int_from_big(r))
}

fn r_randint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "randint", 2, 2)?;
    let lo = int_of(vm, a.pos[0], "randint")?;
    let hi = int_of(vm, a.pos[1], "randint")?;
    randrange(vm, lo, Some(hi + 1), BigInt::from(1))
}

fn r_randrange(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "randrange", 1, 3)?;
    let start = int_of(vm, a.pos[0], "randrange()")?;
    let stop = match a.pos.get(1) {
        Some(&v) if !v.is_none() => Some(int_of(vm, v, "randrange()")?),
        _ => None,
    };
    let step = match a.pos.get(2) {
        Some(&v) => int_of(vm, v, "randrange()")?,
        None => BigInt::from(1),
    };
    randrange(vm, start, stop, step)
}

fn fl(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match super::to_float(vm, v)? {
        Value::Float(f) => Ok(f),
        _ => Ok(0.0),
    }
}

fn r_uniform(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "uniform", 2, 2)?;
    let (x, y) = (fl(vm, a.pos[0])?, fl(vm, a.pos[1])?);
    Ok(Value::Float(x + (y - x) * vm.rng.random()))
}

fn r_triangular(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let low = match a.pos.first() {
        Some(&v) => fl(vm, v)?,
        None => 0.0,
    };
    let high = match a.pos.get(1) {
        Some(&v) => fl(vm, v)?,
        None => 1.0,
    };
    let u = vm.rng.random();
    let c = match a.pos.get(2) {
        Some(&v) if !v.is_none() => {
            if high == low {
                return Ok(Value::Float(low));
            }
            (fl(vm, v)? - low) / (high - low)
        }
        _ => 0.5,
    };
    let (mut u, mut c, mut lo, mut hi) = (u, c, low, high);
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut lo, &mut hi);
    }
    Ok(Value::Float(lo + (hi - lo) * (u * c).sqrt()))
}

fn r_expovariate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let lambd = match a.pos.first() {
        Some(&v) => fl(vm, v)?,
        None => 1.0,
    };
    Ok(Value::Float(-(1.0 - vm.rng.random()).ln() / lambd))
}

fn r_choice(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "choice", 1, 1)?;
    let n = super::len_of(vm, a.pos[0])?;
    if n == 0 {
        return Err(exc::index_error("Cannot choose from an empty sequence"));
    }
    let i = vm.rng.randbelow_usize(n);
    vm.get_item(a.pos[0], Value::Int(i as i64))
}

fn r_shuffle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "shuffle", 1, 1)?;
    let x = a.pos[0];
    let n = super::len_of(vm, x)?;
    for i in (1..n).rev() {
        let j = vm.rng.randbelow_usize(i + 1);
        if let Value::Obj(r) = x {
            if let Obj::List(xs) = vm.heap.get_mut(r) {
                xs.swap(i, j);
                continue;
            }
        }
        let (vi, vj) = (
            vm.get_item(x, Value::Int(i as i64))?,
            vm.get_item(x, Value::Int(j as i64))?,
        );
        vm.set_item(x, Value::Int(i as i64), vj)?;
        vm.set_item(x, Value::Int(j as i64), vi)?;
    }
    Ok(Value::None)
}

fn r_sample(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let counts = take_kw(vm, &mut a, "counts");
    if counts.is_some() {
        return Err(exc::not_implemented("sample(counts=...) is not supported"));
    }
    let kv = take_kw(vm, &mut a, "k");
    if let Some(k) = kv {
        a.pos.push(k);
    }
    check_args(&a, "sample", 2, 2)?;
    let pop = a.pos[0];
    let is_set = matches!(pop, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Set(_) | Obj::FrozenSet(_) | Obj::Dict(_)));
    if is_set {
        return Err(exc::type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let population = vm.iterate(pop)?;
    let n = population.len();
    let k = vm.index_value(a.pos[1])?;
    if k < 0 || k as usize > n {
        return Err(exc::value_error(
            "Sample larger than population or is negative",
        ));
    }
    let k = k as usize;
    let mut result = vec![Value::None; k];
    let mut setsize = 21usize;
    if k > 5 {
        let l = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.pow(l.ceil() as u32);
    }
    if n <= setsize {
        let mut pool = population.clone();
        for (i, slot) in result.iter_mut().enumerate() {
            let j = vm.rng.randbelow_usize(n - i);
            *slot = pool[j];
            pool[j] = pool[n - i - 1];
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for slot in result.iter_mut() {
            let mut j = vm.rng.randbelow_usize(n);
            while selected.contains(&j) {
                j = vm.rng.randbelow_usize(n);
            }
            selected.insert(j);
            *slot = population[j];
        }
    }
    Ok(vm.new_list(result))
}

fn r_gauss(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mu = match a.pos.first() {
        Some(&v) => fl(vm, v)?,
        None => 0.0,
    };
    let sigma = match a.pos.get(1) {
        Some(&v) => fl(vm, v)?,
        None => 1.0,
    };
    let z = match vm.rng.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = vm.rng.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - vm.rng.random()).ln()).sqrt();
            vm.rng.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::Float(mu + z * sigma))
}

fn r_getrandbits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "getrandbits", 1, 1)?;
    let k = vm.index_value(a.pos[0])?;
    if k < 0 {
        return Err(exc::value_error("number of bits must be non-negative"));
    }
    let b = vm.rng.getrandbits(k as u64);
    Ok(vm.int_from_big(b))
}

fn r_choices(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let weights = take_kw(vm, &mut a, "weights").filter(|v| !v.is_none());
    let cum = take_kw(vm, &mut a, "cum_weights").filter(|v| !v.is_none());
    let k = match take_kw(vm, &mut a, "k") {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    let weights = weights.or(a.pos.get(1).copied().filter(|v| !v.is_none()));
    let population = vm.iterate(arg0(&a)?)?;
    let n = population.len();
    let mut out = Vec::new();
    let cum_w: Option<Vec<f64>> = match (weights, cum) {
        (None, None) => None,
        (Some(w), None) => {
            let mut acc = 0.0;
            let mut v = Vec::new();
            for x in vm.iterate(w)? {
                acc += fl(vm, x)?;
                v.push(acc);
            }
            Some(v)
        }
        (_, Some(c)) => {
            let mut v = Vec::new();
            for x in vm.iterate(c)? {
                v.push(fl(vm, x)?);
            }
            Some(v)
        }
    };
    match cum_w {
        None => {
            if n == 0 {
                return Err(exc::index_error("Cannot choose from an empty sequence"));
            }
            for _ in 0..k {
                let i = (vm.rng.random() * n as f64).floor() as usize;
                out.push(population[i.min(n - 1)]);
            }
        }
        Some(cw) => {
            if cw.len() != n {
                return Err(exc::value_error(
                    "The number of weights does not match the population",
                ));
            }
            let total = cw.last().copied().unwrap_or(0.0);
            for _ in 0..k {
                let x = vm.rng.random() * total;
                let i = cw.partition_point(|&c| c <= x).min(n - 1);
                out.push(population[i]);
            }
        }
    }
    Ok(vm.new_list(out))
}

fn arg0(a: &Args) -> PyResult<Value> {
    a.pos
        .first()
        .copied()
        .ok_or_else(|| exc::type_error("choices() missing required argument 'population'"))
}

/// A `random.Random` instance's generator.
#[derive(Debug)]
struct RngBox(Mt19937);

impl crate::object::HostData for RngBox {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// Run a module-level function as a method of a `Random` instance: its generator stands in
/// for the VM's shared one for the duration of the call.
fn with_instance_rng(vm: &mut Vm, a: Args, f: NativeFnPtr) -> PyResult<Value> {
    let Some(&this) = a.pos.first() else {
        return Err(exc::type_error("Random method needs an instance"));
    };
    let key = vm.intern("_mt");
    let holder = match this {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Instance(i) => vm.ns_get(i.dict, key),
            _ => None,
        },
        _ => None,
    };
    let Some(Value::Obj(h)) = holder else {
        return Err(exc::type_error(
            "descriptor requires a 'random.Random' object",
        ));
    };
    let take = |vm: &mut Vm| -> Option<Mt19937> {
        match vm.heap.get_mut(h) {
            Obj::Host(b) => b
                .as_any_mut()
                .downcast_mut::<RngBox>()
                .map(|rb| rb.0.clone()),
            _ => None,
        }
    };
    let Some(mine) = take(vm) else {
        return Err(exc::type_error(
            "descriptor requires a 'random.Random' object",
        ));
    };
    let shared = std::mem::replace(&mut vm.rng, mine);
    let rest = Args {
        pos: a.pos[1..].iter().copied().collect(),
        kw: a.kw,
    };
    let r = f(vm, rest);
    let mine = std::mem::replace(&mut vm.rng, shared);
    if let Obj::Host(b) = vm.heap.get_mut(h) {
        if let Some(rb) = b.as_any_mut().downcast_mut::<RngBox>() {
            rb.0 = mine;
        }
    }
    r
}

macro_rules! rng_methods {
    ($($name:literal => $wrapper:ident($f:ident)),* $(,)?) => {
        $(fn $wrapper(vm: &mut Vm, a: Args) -> PyResult<Value> {
            with_instance_rng(vm, a, $f)
        })*
        const RANDOM_METHODS: &[(&str, NativeFnPtr)] = &[$(($name, $wrapper)),*];
    };
}

rng_methods! {
    "seed" => m_seed(r_seed),
    "random" => m_random(r_random),
    "randint" => m_randint(r_randint),
    "randrange" => m_randrange(r_randrange),
    "uniform" => m_uniform(r_uniform),
    "choice" => m_choice(r_choice),
    "shuffle" => m_shuffle(r_shuffle),
    "sample" => m_sample(r_sample),
    "gauss" => m_gauss(r_gauss),
    "normalvariate" => m_normalvariate(r_gauss),
    "getrandbits" => m_getrandbits(r_getrandbits),
    "choices" => m_choices(r_choices),
    "triangular" => m_triangular(r_triangular),
    "expovariate" => m_expovariate(r_expovariate),
    "getstate" => m_getstate(r_getstate),
    "setstate" => m_setstate(r_setstate),
}

/// `Random(x=None)`: a generator of its own, seeded like `seed(x)`.
fn random_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "Random", 1, 2)?;
    let this = a.pos[0];
    let host = vm.heap.alloc(Obj::Host(Box::new(RngBox(Mt19937::new(0)))));
    let key = vm.intern("_mt");
    if let Value::Obj(r) = this {
        if let Obj::Instance(i) = vm.heap.get(r) {
            let d = i.dict;
            vm.ns_set(d, key, Value::Obj(host));
        }
    }
    with_instance_rng(vm, a, r_seed)?;
    Ok(Value::None)
}

fn install_random_class(vm: &mut Vm, d: ObjRef) {
    let obj = vm.types.object;
    let Ok(cls) = vm.create_class("Random", vec![obj], crate::types::dict::Dict::new(), None)
    else {
        return;
    };
    let m = vm.new_str("random");
    vm.class_set_attr(cls, "__module__", m);
    vm.add_method(cls, "__init__", random_init);
    for &(n, f) in RANDOM_METHODS {
        vm.add_method(cls, n, f);
    }
    let k = vm.intern("Random");
    vm.ns_set(d, k, Value::Obj(cls));
}
