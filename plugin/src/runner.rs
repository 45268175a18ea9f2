//! The frame: load and hot-reload modules, start new script instances, call `update` hooks,
//! then run tasks until the frame budget is spent. One exclusive system, in `Update`.

use crate::asset::{PendingErrors, ScriptAsset, ScriptError};
use crate::events::KaaTrigger;
use crate::script::{KaaScene, Script, ScriptInstance};
use crate::KaaSettings;
use bevy::asset::Assets;
use bevy::ecs::message::Messages;
use bevy::prelude::{ChildOf, Entity, Resource, Time, World};
use kaa::native::Handle;
use kaa::vm::sched::Budget;
use kaa::{Obj, Value, Vm};
// foldhash maps: these are looked up for every entity every frame (std's SipHash showed in
// entity_bench profiles).
use bevy::platform::collections::{HashMap, HashSet};
use std::sync::Mutex;

/// A VM and what the plugin keeps about it.
pub struct ScriptVm {
    pub vm: Vm,
    modules: HashMap<String, LoadedModule>,
    /// Script objects by entity (rooted; dropped, with the entity's tasks, when it goes).
    instances: HashMap<Entity, Handle>,
    /// The VM failed to set up (or hit its memory limit hard): its scripts are skipped.
    pub broken: Option<String>,
}

struct LoadedModule {
    module: Handle,
    hash: u64,
}

/// Every VM: the app's default one and one per [`KaaScene`] root.
#[derive(Resource, Default)]
pub struct KaaVms {
    default: Option<Mutex<ScriptVm>>,
    scenes: HashMap<Entity, Mutex<ScriptVm>>,
}

impl KaaVms {
    /// The VM of a scene (None: the default VM), if it exists.
    pub fn get_mut(&mut self, scene: Option<Entity>) -> Option<&mut ScriptVm> {
        let m = match scene {
            None => self.default.as_mut(),
            Some(e) => self.scenes.get_mut(&e),
        }?;
        Some(m.get_mut().unwrap_or_else(|p| p.into_inner()))
    }

    /// Number of scene VMs alive.
    pub fn scene_count(&self) -> usize {
        self.scenes.len()
    }
}

fn new_vm(settings: &KaaSettings, errors: &PendingErrors) -> ScriptVm {
    let mut vm = Vm::with_config(kaa::VmConfig {
        max_memory: settings.memory_limit,
        recursion_limit: settings.recursion_limit,
        ..Default::default()
    });
    // A task that fails with nobody joining it is reported like any script error.
    let q = errors.clone();
    vm.sched.on_error = Some(Box::new(move |r: &kaa::ScriptError| {
        q.push(ScriptError::from_report("", r));
    }));
    let broken = crate::bindings::install(&mut vm).err().map(|e| {
        let r = vm.error_report(e);
        r.traceback
    });
    ScriptVm {
        vm,
        modules: HashMap::default(),
        instances: HashMap::default(),
        broken,
    }
}

/// `scripts/paddle.py` → `scripts.paddle`.
fn module_name(path: &str) -> String {
    let p = path.strip_suffix(".py").unwrap_or(path);
    p.replace(['/', '\\'], ".")
}

/// The scene root whose VM runs `e`: the nearest ancestor (or itself) with [`KaaScene`].
fn scene_of(world: &World, mut e: Entity) -> Option<Entity> {
    loop {
        if world.get::<KaaScene>(e).is_some() {
            return Some(e);
        }
        e = world.get::<ChildOf>(e)?.parent();
    }
}

/// A script of this frame's jobs: its asset and module name, shared by every entity
/// running it (jobs refer to it by index: no per-entity reference counting).
struct JobScript {
    asset: ScriptAsset,
    module: String,
}

struct Job {
    entity: Entity,
    /// Index into the frame's [`JobScript`]s.
    script: usize,
    started: bool,
}

/// What a VM's run asks the world to do afterwards.
#[derive(Default)]
struct Outcome {
    started: Vec<(Entity, ScriptInstance)>,
    errors: Vec<ScriptError>,
    reloads: u32,
}

impl Outcome {
    /// Keep the error of a failed hook or load (`path` may be empty: taken from the traceback).
    fn report<T>(&mut self, path: &str, r: Result<T, kaa::ScriptError>) {
        if let Err(e) = r {
            self.errors.push(ScriptError::from_report(path, &e));
        }
    }
}

/// Call the handlers Rust systems asked for.
fn run_triggers(
    vm: &mut Vm,
    instances: &HashMap<Entity, Handle>,
    triggers: Vec<KaaTrigger>,
    settings: &KaaSettings,
    out: &mut Outcome,
) {
    for t in triggers {
        let Some(obj) = instances
            .get(&t.entity)
            .and_then(|h| vm.handle_value(h).ok())
        else {
            continue;
        };
        let args: Result<Vec<Value>, _> = t.args.iter().map(|a| a.to_value(vm)).collect();
        let r = match args {
            Ok(args) => call_hook(vm, obj, &t.handler, &args, Some(settings.hook_fuel)),
            Err(e) => Err(vm.error_report(e)),
        };
        out.report("", r);
    }
}

/// The exclusive system that runs every script.
pub fn run_scripts(world: &mut World) {
    let settings = world.resource::<KaaSettings>().clone();
    let pending = world.get_resource_or_init::<PendingErrors>().clone();
    let dt = world
        .get_resource::<Time>()
        .map_or(0.0, |t| t.delta_secs_f64());

    // Scene VMs follow their roots.
    let mut roots = world.query_filtered::<Entity, bevy::prelude::With<KaaScene>>();
    let roots: Vec<Entity> = roots.iter(world).collect();
    {
        let mut vms = world.resource_mut::<KaaVms>();
        if vms.default.is_none() {
            vms.default = Some(Mutex::new(new_vm(&settings, &pending)));
        }
        vms.scenes.retain(|e, _| roots.contains(e));
        for r in &roots {
            vms.scenes
                .entry(*r)
                .or_insert_with(|| Mutex::new(new_vm(&settings, &pending)));
        }
    }

    // Handlers Rust asked for, grouped by the VM of the target's script.
    let triggers: Vec<KaaTrigger> = world
        .get_resource_mut::<Messages<KaaTrigger>>()
        .map(|mut m| m.drain().collect())
        .unwrap_or_default();
    let mut triggers_by_vm: HashMap<Option<Entity>, Vec<KaaTrigger>> = HashMap::default();
    let mut early = Vec::new();
    for t in triggers {
        if let Some(inst) = world.get::<ScriptInstance>(t.entity) {
            triggers_by_vm.entry(inst.scene).or_default().push(t);
        } else if world.get::<Script>(t.entity).is_some() {
            // Its script has not started yet (just spawned, or still loading): keep the
            // trigger for a later frame, so handlers always run after `start`.
            early.push(t);
        }
    }
    if !early.is_empty() {
        world.write_message_batch(early);
    }

    // Gather the scripts by VM.
    let mut by_vm: HashMap<Option<Entity>, Vec<Job>> = HashMap::default();
    let mut q = world.query::<(Entity, &Script, Option<&ScriptInstance>)>();
    // Started scripts stay in the VM that started them (no hierarchy walk per frame).
    type Item = (
        Entity,
        bevy::asset::AssetId<ScriptAsset>,
        Option<Option<Entity>>,
    );
    let items: Vec<Item> = q
        .iter(world)
        .map(|(e, s, i)| (e, s.asset.id(), i.map(|i| i.scene)))
        .collect();
    let mut scripts: Vec<JobScript> = Vec::new();
    let mut script_of: HashMap<bevy::asset::AssetId<ScriptAsset>, Option<usize>> =
        HashMap::default();
    // Entities come in archetype order, so runs of one script are the rule: the last one is
    // remembered instead of hashed again per entity.
    let mut last_script = None;
    for (entity, id, started) in items {
        let script = match last_script {
            Some((last_id, i)) if last_id == id => i,
            _ => {
                let i = *script_of.entry(id).or_insert_with(|| {
                    let a = world.resource::<Assets<ScriptAsset>>().get(id)?.clone();
                    let module = module_name(&a.path);
                    scripts.push(JobScript { asset: a, module });
                    Some(scripts.len() - 1)
                });
                last_script = Some((id, i));
                i
            }
        };
        let Some(script) = script else {
            continue; // still loading (or failed to load: nothing to run yet)
        };
        let scene = started.unwrap_or_else(|| scene_of(world, entity));
        by_vm.entry(scene).or_default().push(Job {
            entity,
            script,
            started: started.is_some(),
        });
    }
    let mut keys: Vec<Option<Entity>> = by_vm.keys().copied().collect();
    keys.push(None);
    keys.extend(roots.iter().map(|r| Some(*r)));
    keys.sort();
    keys.dedup();

    let mut outcome = Outcome::default();
    let mut totals = crate::diagnostics::FrameTotals::default();
    let mut per_scene = Vec::new();
    world.resource_scope::<KaaVms, _>(|world, mut vms| {
        for key in keys {
            let jobs = by_vm.remove(&key).unwrap_or_default();
            let triggers = triggers_by_vm.remove(&key).unwrap_or_default();
            let Some(svm) = vms.get_mut(key) else {
                continue;
            };
            if svm.broken.is_some() {
                continue;
            }
            let started = std::time::Instant::now();
            let gc_before = svm.vm.heap.gc_time;
            // Entities that are gone: their script's on_destroy runs (the entity itself no
            // longer exists), their tasks end, their object is released.
            let gone: Vec<Entity> = svm
                .instances
                .keys()
                .copied()
                .filter(|e| world.get_entity(*e).is_err())
                .collect();
            let ScriptVm {
                vm,
                modules,
                instances,
                ..
            } = svm;
            crate::live_refs::prune(vm, world, 256);
            let stats = vm.with_host(world, |vm| {
                for e in gone {
                    if let Some(obj) = instances.remove(&e).and_then(|h| vm.handle_value(&h).ok()) {
                        let r = call_hook(vm, obj, "on_destroy", &[], Some(settings.hook_fuel));
                        outcome.report("", r);
                    }
                    let _ = vm.cancel_owner(e.to_bits());
                    if let Ok(f) = bevy_helper(vm, "_unregister") {
                        let _ = vm.call_script(f, &[Value::Int(e.to_bits() as i64)], None);
                    }
                }
                run_triggers(vm, instances, triggers, &settings, &mut outcome);
                run_vm(
                    vm,
                    modules,
                    instances,
                    key,
                    &scripts,
                    jobs,
                    &settings,
                    dt,
                    &mut outcome,
                )
            });
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            totals.script_time_ms += ms;
            totals.fuel += stats.fuel_used;
            totals.tasks_alive += vm.sched.alive();
            totals.tasks_run += stats.resumed;
            totals.tasks_preempted += stats.preempted;
            totals.gc_time_ms += (vm.heap.gc_time - gc_before).as_secs_f64() * 1000.0;
            if let Some(root) = key {
                per_scene.push((root, ms));
            }
        }
    });
    totals.reloads = outcome.reloads;
    crate::diagnostics::record(world, &totals, &per_scene);
    for (e, inst) in outcome.started {
        if let Ok(mut em) = world.get_entity_mut(e) {
            em.insert(inst);
        }
    }
    for err in pending.take().into_iter().chain(outcome.errors) {
        bevy::log::error!("{err}");
        world.write_message(err);
    }
}

/// `fixed_update(dt)` hooks, in `FixedUpdate` (dt is the fixed step).
pub fn run_fixed_scripts(world: &mut World) {
    let settings = world.resource::<KaaSettings>().clone();
    let dt = world
        .get_resource::<Time>()
        .map_or(0.0, |t| t.delta_secs_f64());
    let mut errors = Vec::new();
    world.resource_scope::<KaaVms, _>(|world, mut vms| {
        let keys: Vec<Option<Entity>> = std::iter::once(None)
            .chain(vms.scenes.keys().map(|k| Some(*k)))
            .collect();
        for key in keys {
            let Some(svm) = vms.get_mut(key) else {
                continue;
            };
            if svm.broken.is_some() || svm.instances.is_empty() {
                continue;
            }
            let ScriptVm { vm, instances, .. } = svm;
            vm.with_host(world, |vm| {
                let mut entities: Vec<Entity> = instances.keys().copied().collect();
                entities.sort();
                let fixed_update = vm.intern("fixed_update");
                for e in entities {
                    let alive = vm.host::<World>().is_ok_and(|w| w.get_entity(e).is_ok());
                    let obj = instances.get(&e).and_then(|h| vm.handle_value(h).ok());
                    if let (true, Some(obj)) = (alive, obj) {
                        let args = [Value::Float(dt)];
                        if let Err(err) =
                            call_hook_key(vm, obj, fixed_update, &args, Some(settings.hook_fuel))
                        {
                            errors.push(ScriptError::from_report("", &err));
                        }
                    }
                }
            });
        }
    });
    for err in errors {
        bevy::log::error!("{err}");
        world.write_message(err);
    }
}

#[allow(clippy::too_many_arguments)]
fn run_vm(
    vm: &mut Vm,
    modules: &mut HashMap<String, LoadedModule>,
    instances: &mut HashMap<Entity, Handle>,
    scene: Option<Entity>,
    scripts: &[JobScript],
    jobs: Vec<Job>,
    settings: &KaaSettings,
    dt: f64,
    out: &mut Outcome,
) -> kaa::vm::sched::FrameStats {
    let fuel = Some(settings.hook_fuel);
    // Modules first: load new ones, reload changed ones (once per VM, whatever the entity count).
    let mut reloaded: HashSet<String> = HashSet::default();
    let mut seen = vec![false; scripts.len()];
    for job in &jobs {
        if std::mem::replace(&mut seen[job.script], true) {
            continue;
        }
        let JobScript { asset, module } = &scripts[job.script];
        // Imported scripts first (dependencies before dependents), under their import names.
        for imp in &asset.imports {
            ensure_module(
                vm,
                modules,
                &imp.module,
                &imp.path,
                &imp.source,
                imp.hash,
                fuel,
                out,
            );
        }
        if ensure_module(
            vm,
            modules,
            module,
            &asset.path,
            &asset.source,
            asset.hash,
            fuel,
            out,
        ) {
            reloaded.insert(module.clone());
        }
    }
    let update = vm.intern("update");
    // Jobs of one script share their module: look it up once per run of them.
    let mut last: Option<(usize, Option<Value>)> = None;
    for job in jobs {
        let JobScript {
            asset,
            module: name,
        } = &scripts[job.script];
        let module = match last {
            Some((i, m)) if i == job.script => m,
            _ => {
                let m = modules
                    .get(name)
                    .and_then(|m| vm.handle_value(&m.module).ok());
                last = Some((job.script, m));
                m
            }
        };
        let Some(module) = module else {
            continue;
        };
        if module.is_none() {
            continue;
        }
        if !job.started {
            match start_instance(vm, module, job.entity, &asset.path, fuel) {
                Ok(Some(obj)) => {
                    instances.insert(job.entity, vm.handle(obj));
                    if let Ok(reg) = bevy_helper(vm, "_register") {
                        if let Ok(ev) = vm.to_value(crate::bindings::EntityObj(job.entity)) {
                            let _ = vm.call_script(reg, &[ev, obj], fuel);
                        }
                    }
                    out.report(&asset.path, call_hook(vm, obj, "start", &[], fuel));
                    out.report(
                        &asset.path,
                        call_hook(vm, obj, "update", &[Value::Float(dt)], fuel),
                    );
                    out.started.push((
                        job.entity,
                        ScriptInstance {
                            scene,
                            module: name.to_string(),
                        },
                    ));
                }
                Ok(None) => {}
                Err(e) => out.report(&asset.path, Err::<(), _>(e)),
            }
            continue;
        }
        let Some(instance) = instances
            .get(&job.entity)
            .and_then(|h| vm.handle_value(h).ok())
        else {
            continue;
        };
        // Despawned earlier this frame (by another script): nothing more to run.
        if vm
            .host::<World>()
            .map_or(true, |w| w.get_entity(job.entity).is_err())
        {
            continue;
        }
        if !reloaded.is_empty() && reloaded.contains(name) {
            rebind_class(vm, instance, module);
            out.report(&asset.path, call_hook(vm, instance, "on_reload", &[], fuel));
        }
        out.report(
            &asset.path,
            call_hook_key(vm, instance, update, &[Value::Float(dt)], fuel),
        );
    }
    // Then tasks, within the frame budget.
    let budget = Budget {
        fuel: None,
        time: Some(settings.frame_budget),
    };
    vm.run_frame(dt, budget)
}

/// Load module `name` if its text changed since it was last run here. True when an already
/// loaded module was reloaded (its instances then get `on_reload`).
#[allow(clippy::too_many_arguments)]
fn ensure_module(
    vm: &mut Vm,
    modules: &mut HashMap<String, LoadedModule>,
    name: &str,
    path: &str,
    source: &str,
    hash: u64,
    fuel: Option<u64>,
    out: &mut Outcome,
) -> bool {
    let current = modules.get(name).map(|m| m.hash);
    if current == Some(hash) {
        return false;
    }
    match load_module(vm, name, path, source, modules.get(name), fuel) {
        Ok(handle) => {
            modules.insert(
                name.to_string(),
                LoadedModule {
                    module: handle,
                    hash,
                },
            );
            if current.is_some() {
                out.reloads += 1;
            }
            current.is_some()
        }
        Err(e) => {
            // The old code keeps running; the same text is not retried until it changes.
            let old = modules.remove(name);
            let module = old.map_or_else(|| vm.handle(Value::None), |m| m.module);
            modules.insert(name.to_string(), LoadedModule { module, hash });
            out.errors.push(ScriptError::from_report(path, &e));
            false
        }
    }
}

fn load_module(
    vm: &mut Vm,
    name: &str,
    path: &str,
    source: &str,
    old: Option<&LoadedModule>,
    fuel: Option<u64>,
) -> Result<Handle, kaa::ScriptError> {
    let fresh = vm.new_file_module(name, path);
    let dict = vm.module_dict(fresh);
    vm.exec_source(source, path, dict, fuel)?;
    let old_module = old
        .and_then(|m| vm.handle_value(&m.module).ok())
        .filter(|v| !v.is_none());
    match old_module {
        Some(old) => {
            // Reload: the existing module object takes the new definitions, so references to
            // it (imports, instances' globals) see the new code.
            let merge = bevy_helper(vm, "_merge")?;
            vm.call_script(merge, &[old, Value::Obj(fresh)], fuel)?;
            vm.register_module(name, old.as_obj().unwrap_or(fresh));
            Ok(vm.handle(old))
        }
        None => {
            vm.register_module(name, fresh);
            Ok(vm.handle(Value::Obj(fresh)))
        }
    }
}

fn bevy_helper(vm: &mut Vm, name: &str) -> Result<Value, kaa::ScriptError> {
    let m = vm.import_dotted("bevy").map_err(|e| vm.error_report(e))?;
    vm.get_attr_str(m, name).map_err(|e| vm.error_report(e))
}

/// Make the entity's script object: an instance of the module's `Script` subclass.
fn start_instance(
    vm: &mut Vm,
    module: Value,
    entity: Entity,
    path: &str,
    fuel: Option<u64>,
) -> Result<Option<Value>, kaa::ScriptError> {
    let find = bevy_helper(vm, "_script_class")?;
    let cls = vm.call_script(find, &[module], fuel)?;
    if cls.is_none() {
        bevy::log::warn!("{path}: no subclass of bevy.Script; nothing to attach to {entity}");
        return Ok(None);
    }
    let obj = vm.call_script(cls, &[], fuel)?;
    let e = vm
        .to_value(crate::bindings::EntityObj(entity))
        .map_err(|e| vm.error_report(e))?;
    vm.set_attr(obj, "entity", e)
        .map_err(|e| vm.error_report(e))?;
    Ok(Some(obj))
}

/// Call `obj.name(*args)` if its class defines it.
fn call_hook(
    vm: &mut Vm,
    obj: Value,
    name: &str,
    args: &[Value],
    fuel: Option<u64>,
) -> Result<(), kaa::ScriptError> {
    let key = vm.intern(name);
    call_hook_key(vm, obj, key, args, fuel)
}

/// [`call_hook`] with the name already interned (hooks called for every entity every frame).
fn call_hook_key(
    vm: &mut Vm,
    obj: Value,
    key: kaa::ObjRef,
    args: &[Value],
    fuel: Option<u64>,
) -> Result<(), kaa::ScriptError> {
    let Value::Obj(r) = obj else { return Ok(()) };
    let cls = match vm.heap.get(r) {
        Obj::Instance(i) => i.class,
        _ => return Ok(()),
    };
    let Some(attr) = vm.lookup_type_attr(cls, key) else {
        return Ok(());
    };
    // A plain function on the class: call it with the instance, no bound method object.
    if let Value::Obj(f) = attr {
        if matches!(vm.heap.get(f), Obj::Function(_)) {
            let mut all: smallvec::SmallVec<[Value; 4]> = smallvec::SmallVec::new();
            all.push(obj);
            all.extend_from_slice(args);
            return vm.call_script(attr, &all, fuel).map(|_| ());
        }
    }
    let method = vm.get_attr(obj, key).map_err(|e| vm.error_report(e))?;
    vm.call_script(method, args, fuel).map(|_| ())
}

/// After a reload: the instance's class becomes the module's new class of the same name, so
/// it keeps its state and gets the new methods.
fn rebind_class(vm: &mut Vm, obj: Value, module: Value) {
    let Value::Obj(r) = obj else { return };
    let cls = match vm.heap.get(r) {
        Obj::Instance(i) => i.class,
        _ => return,
    };
    let name = vm.class_name(cls);
    let Ok(Value::Obj(new_cls)) = vm.get_attr_str(module, &name) else {
        return;
    };
    if matches!(vm.heap.get(new_cls), Obj::Class(_)) {
        if let Obj::Instance(i) = vm.heap.get_mut(r) {
            i.class = new_cls;
        }
    }
}
