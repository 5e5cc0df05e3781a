import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlaceEntity } from './persistence/place.entity.js';
import { PlacesRepository } from './persistence/places.repository.js';
import { PlacesController } from './places.controller.js';
import { PlacesService } from './places.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PlaceEntity])],
  controllers: [PlacesController],
  providers: [PlacesService, PlacesRepository],
  exports: [PlacesRepository],
})
export class PlacesModule {}
